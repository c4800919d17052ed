using System.Globalization;

namespace GanTuner.Data.Protocols;

/// <summary>
/// The scaling rule of a dataset or saved model: which <see cref="WindowFrame"/> each input window gets.
/// Everything it holds was fitted on the fitting rows only, so it travels with a model file.
/// </summary>
/// <remarks>
/// Window scaling centres a window on the value persistence predicts (its last price for the level target,
/// a zero return for the log-return target), so a model that outputs 0 is exactly the naive forecast and
/// the price level never leaves the range the network was trained on. It divides by the window's own RMS
/// change (one-step price changes for level, returns for log-return), shrunk towards the training rows'
/// typical change (<see cref="TypicalChange"/>, relative to the last price for level) with
/// <see cref="PriorWeight"/> pseudo-observations: a window of one day, or a flat stretch, would otherwise get
/// a scale near zero and blow its target up.
/// </remarks>
public sealed record WindowScaling
{
    /// <summary>Pseudo-observations of the training rows' typical change in each window's scale.</summary>
    public const double DefaultPriorWeight = 5;

    public WindowScaling(Scaling kind, ForecastTarget target, MinMaxScaler minMax, double typicalChange, double priorWeight = DefaultPriorWeight)
    {
        ArgumentNullException.ThrowIfNull(minMax);
        if (kind == Scaling.Window && !(typicalChange > 0 && double.IsFinite(typicalChange)))
        {
            throw new ArgumentException($"window scaling needs a positive typical change, got {typicalChange}", nameof(typicalChange));
        }

        if (!(priorWeight >= 0) || !double.IsFinite(priorWeight))
        {
            throw new ArgumentException($"the prior weight must be finite and not negative, got {priorWeight}", nameof(priorWeight));
        }

        Kind = kind;
        Target = target;
        MinMax = minMax;
        TypicalChange = typicalChange;
        PriorWeight = priorWeight;
    }

    public Scaling Kind { get; }

    public ForecastTarget Target { get; }

    /// <summary>The min–max scaler of the fitting rows: the frame of every window under global scaling.</summary>
    public MinMaxScaler MinMax { get; }

    /// <summary>RMS one-step log return of the fitting rows.</summary>
    public double TypicalChange { get; }

    public double PriorWeight { get; }

    /// <summary>RMS of the one-step log returns of <paramref name="prices"/>[1..end).</summary>
    public static double RmsLogReturn(ReadOnlySpan<double> prices)
    {
        var sum = 0.0;
        for (var t = 1; t < prices.Length; t++)
        {
            var r = Math.Log(prices[t] / prices[t - 1]);
            sum += r * r;
        }

        return prices.Length < 2 ? double.NaN : Math.Sqrt(sum / (prices.Length - 1));
    }

    /// <summary>The frame of a window whose raw values (oldest first, the last one the day before the target) are <paramref name="window"/>.</summary>
    public WindowFrame Frame(ReadOnlySpan<double> window)
    {
        if (Kind == Scaling.Global)
        {
            return new WindowFrame(MinMax.Min, MinMax.Range);
        }

        if (window.IsEmpty)
        {
            throw new ArgumentException("a window needs at least one value", nameof(window));
        }

        double offset, prior, sum;
        int count;
        if (Target == ForecastTarget.Level)
        {
            offset = window[^1];
            prior = TypicalChange * Math.Abs(offset);
            sum = 0;
            for (var j = 1; j < window.Length; j++)
            {
                var d = window[j] - window[j - 1];
                sum += d * d;
            }

            count = window.Length - 1;
        }
        else
        {
            offset = 0;
            prior = TypicalChange;
            sum = 0;
            foreach (var r in window)
            {
                sum += r * r;
            }

            count = window.Length;
        }

        var scale = Math.Sqrt((sum + (PriorWeight * prior * prior)) / (count + PriorWeight));
        // A window of one value with no prior weight has nothing to measure: fall back on the prior.
        return new WindowFrame(offset, scale > 0 && double.IsFinite(scale) ? scale : Math.Max(prior, double.Epsilon));
    }

    /// <summary>A one-line description for logs and model details.</summary>
    public override string ToString() => Kind == Scaling.Global
        ? string.Create(CultureInfo.InvariantCulture, $"global min-max [{MinMax.Min:G6}, {MinMax.Max:G6}]")
        : string.Create(CultureInfo.InvariantCulture, $"per window (typical change {TypicalChange:G4}, prior weight {PriorWeight:G3})");
}
