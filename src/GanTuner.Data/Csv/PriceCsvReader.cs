using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GanTuner.Data.Csv;

/// <summary>
/// Reads daily prices from CSV into a <see cref="PriceSeries"/>. Every fault is reported as a
/// <see cref="PriceDataException"/> naming the source, the line and what is wrong, because the user's only way
/// to fix a bad file is to find the line.
/// </summary>
public static class PriceCsvReader
{
    // Yahoo marks a bar it has no values for with the word "null" in every column.
    private const string YahooMissing = "null";

    public static PriceSeries ReadFile(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            // The operating system would only say "access denied", which sends the user after permissions.
            throw new PriceDataException($"{path}: is a folder, not a price file");
        }

        TextReader reader;
        try
        {
            reader = new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PriceDataException($"{path}: cannot read the file ({e.Message})", e);
        }

        using (reader)
        {
            return Read(reader, path, options);
        }
    }

    public static PriceSeries Read(TextReader reader, string source, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        options ??= CsvReadOptions.Default;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read())
        {
            throw new PriceDataException($"{source}: the file is empty");
        }

        csv.ReadHeader();
        var layout = ColumnLayout.Detect(csv.HeaderRecord ?? [], options, source);
        var rows = new List<Row>();
        while (csv.Read())
        {
            var row = ParseRow(csv, layout, source, csv.Parser.RawRow);
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        if (rows.Count == 0)
        {
            throw new PriceDataException($"{source}: the file has a header but no data rows");
        }

        return ToSeries(rows, layout, source);
    }

    private static Row? ParseRow(CsvReader csv, ColumnLayout layout, string source, long line)
    {
        var closeText = Field(csv, layout.Close);
        if (string.Equals(closeText, YahooMissing, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new Row(
            line,
            ParseDate(Field(csv, layout.Date), source, line),
            ParsePrice(closeText, layout.Names[layout.Close], source, line),
            layout.AdjClose is int adj ? ParsePrice(Field(csv, adj), layout.Names[adj], source, line) : double.NaN,
            Optional(csv, layout.Open, layout, source, line),
            Optional(csv, layout.High, layout, source, line),
            Optional(csv, layout.Low, layout, source, line),
            Optional(csv, layout.Volume, layout, source, line));
    }

    private static PriceSeries ToSeries(List<Row> rows, ColumnLayout layout, string source)
    {
        // Descending (newest first) files are common; any order is accepted and sorted.
        var ordered = rows.OrderBy(r => r.Date).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].Date == ordered[i - 1].Date)
            {
                var (first, second) = ordered[i].Line < ordered[i - 1].Line
                    ? (ordered[i], ordered[i - 1])
                    : (ordered[i - 1], ordered[i]);
                throw new PriceDataException(
                    $"{source}, line {second.Line}: duplicate date {second.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (also on line {first.Line})");
            }
        }

        double[]? Column(int? index, Func<Row, double> pick) => index is null ? null : ordered.Select(pick).ToArray();
        return new PriceSeries(
            layout.Describe(source),
            ordered.Select(r => r.Date).ToArray(),
            ordered.Select(r => r.Close).ToArray(),
            Column(layout.Open, r => r.Open),
            Column(layout.High, r => r.High),
            Column(layout.Low, r => r.Low),
            Column(layout.AdjClose, r => r.AdjClose),
            Column(layout.Volume, r => r.Volume));
    }

    private static string Field(CsvReader csv, int index) =>
        csv.TryGetField<string>(index, out var text) && text is not null ? text : string.Empty;

    private static DateOnly ParseDate(string text, string source, long line)
    {
        if (text.Length == 0)
        {
            throw new PriceDataException($"{source}, line {line}: the date is empty");
        }

        // Yahoo's newer files write "1927-12-30 00:00:00-05:00": the trading day is the local date part.
        var datePart = text.Length > 10 && (text[10] == ' ' || text[10] == 'T') ? text[..10] : text;
        if (!DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new PriceDataException(
                $"{source}, line {line}: cannot read the date '{text}' (expected yyyy-MM-dd, optionally with a time)");
        }

        return date;
    }

    private static double ParsePrice(string text, string column, string source, long line)
    {
        var value = ParseNumber(text, column, source, line);
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new PriceDataException(
                $"{source}, line {line}: {column} is {Describe(value)}; prices must be finite and positive");
        }

        return value;
    }

    // Open/high/low/volume are shown, never modelled: a missing value there is kept as NaN, not an error.
    private static double Optional(CsvReader csv, int? index, ColumnLayout layout, string source, long line)
    {
        if (index is not int i)
        {
            return double.NaN;
        }

        var text = Field(csv, i);
        return text.Length == 0 || string.Equals(text, YahooMissing, StringComparison.OrdinalIgnoreCase)
            ? double.NaN
            : ParseNumber(text, layout.Names[i], source, line);
    }

    private static double ParseNumber(string text, string column, string source, long line)
    {
        if (text.Length == 0)
        {
            throw new PriceDataException($"{source}, line {line}: {column} is empty");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new PriceDataException($"{source}, line {line}: cannot read {column} '{text}' as a number");
        }

        return value;
    }

    private static string Describe(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsInfinity(value) ? "infinite"
        : value == 0 ? "zero"
        : $"negative ({value.ToString(CultureInfo.InvariantCulture)})";

    private sealed record Row(
        long Line, DateOnly Date, double Close, double AdjClose, double Open, double High, double Low, double Volume);
}
