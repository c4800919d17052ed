using System.Globalization;

namespace GanTuner.Data;

/// <summary>
/// A daily price history: one row per date, sorted ascending with unique dates. <see cref="Close"/> is always
/// present; the other columns are present only when the source had them. Construction validates the rows, so a
/// <see cref="PriceSeries"/> in hand is always usable.
/// </summary>
public sealed class PriceSeries
{
    public PriceSeries(
        string source,
        IReadOnlyList<DateOnly> dates,
        IReadOnlyList<double> close,
        IReadOnlyList<double>? open = null,
        IReadOnlyList<double>? high = null,
        IReadOnlyList<double>? low = null,
        IReadOnlyList<double>? adjClose = null,
        IReadOnlyList<double>? volume = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(close);
        Source = source;
        if (dates.Count == 0)
        {
            throw new PriceDataException($"{source}: no price rows");
        }

        Dates = [.. dates];
        Close = CheckedPrices(source, "close", close, dates.Count);
        AdjClose = adjClose is null ? null : CheckedPrices(source, "adjusted close", adjClose, dates.Count);
        Open = CheckedOptional(source, "open", open, dates.Count);
        High = CheckedOptional(source, "high", high, dates.Count);
        Low = CheckedOptional(source, "low", low, dates.Count);
        Volume = CheckedOptional(source, "volume", volume, dates.Count);
        for (var i = 1; i < Dates.Length; i++)
        {
            if (Dates[i] <= Dates[i - 1])
            {
                var fault = Dates[i] == Dates[i - 1] ? "duplicate date" : "dates out of order at";
                throw new PriceDataException(
                    $"{source}: {fault} {Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (row {i + 1})");
            }
        }
    }

    /// <summary>Where the data came from, for messages and reports (a path, a symbol, or the embedded set).</summary>
    public string Source { get; }

    public int Count => Dates.Length;

    public DateOnly[] Dates { get; }

    public double[] Close { get; }

    public double[]? Open { get; }

    public double[]? High { get; }

    public double[]? Low { get; }

    public double[]? AdjClose { get; }

    public double[]? Volume { get; }

    public DateOnly FirstDate => Dates[0];

    public DateOnly LastDate => Dates[^1];

    /// <summary>The series a model is trained on.</summary>
    /// <exception cref="PriceDataException">The column was not in the source.</exception>
    public double[] Prices(PriceColumn column) => column switch
    {
        PriceColumn.Close => Close,
        PriceColumn.AdjClose => AdjClose
            ?? throw new PriceDataException($"{Source}: has no adjusted close column; use --column close"),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    /// <summary>The longest stretch between two consecutive dates, and where it ends.</summary>
    public (int Days, DateOnly From, DateOnly To) LargestGap()
    {
        var best = (Days: 0, From: Dates[0], To: Dates[0]);
        for (var i = 1; i < Dates.Length; i++)
        {
            var days = Dates[i].DayNumber - Dates[i - 1].DayNumber;
            if (days > best.Days)
            {
                best = (days, Dates[i - 1], Dates[i]);
            }
        }

        return best;
    }

    private static double[] CheckedPrices(string source, string name, IReadOnlyList<double> values, int count)
    {
        var copy = CheckedLength(source, name, values, count);
        for (var i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]) || copy[i] <= 0)
            {
                throw new PriceDataException(
                    $"{source}: {name} on row {i + 1} is {copy[i].ToString(CultureInfo.InvariantCulture)}; prices must be finite and positive");
            }
        }

        return copy;
    }

    // Open/high/low/volume are carried for display only; a missing bar value (NaN) is allowed there.
    private static double[]? CheckedOptional(string source, string name, IReadOnlyList<double>? values, int count) =>
        values is null ? null : CheckedLength(source, name, values, count);

    private static double[] CheckedLength(string source, string name, IReadOnlyList<double> values, int count)
    {
        if (values.Count != count)
        {
            throw new ArgumentException($"{source}: {name} has {values.Count} values for {count} dates", nameof(values));
        }

        return [.. values];
    }
}
