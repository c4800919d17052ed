using System.Globalization;
using GanTuner.Data.Protocols;

namespace GanTuner.Forecasting.Skill;

/// <summary>
/// What a forecaster is measured against on one split, in prices: the linear AR(p) baseline, MASE, the
/// direction of change, and Diebold–Mariano tests against persistence and against AR(p).
/// </summary>
/// <param name="ArLags">The AR baseline's order p.</param>
/// <param name="ArPrice">The AR baseline's errors.</param>
/// <param name="Mase">Model MAE over the in-sample naive MAE of the training windows (Hyndman and Koehler 2006).</param>
/// <param name="NaiveMase">The persistence forecast's MASE on this split.</param>
/// <param name="ArMase">The AR baseline's MASE on this split.</param>
/// <param name="Direction">The model's directional accuracy with the Pesaran–Timmermann test.</param>
/// <param name="VersusNaive">Diebold–Mariano of the model against persistence (negative: model better).</param>
/// <param name="VersusAr">Diebold–Mariano of the model against AR(p).</param>
public sealed record ForecastSkill(
    int ArLags,
    ErrorMetrics ArPrice,
    double Mase,
    double NaiveMase,
    double ArMase,
    DirectionalAccuracy Direction,
    DieboldMarianoResult VersusNaive,
    DieboldMarianoResult VersusAr)
{
    /// <summary>Scores model prices <paramref name="predicted"/> on <paramref name="split"/> beside persistence and AR.</summary>
    /// <param name="split">The windows scored.</param>
    /// <param name="predicted">The model's forecast close of each window.</param>
    /// <param name="arLags">The AR baseline's order.</param>
    /// <param name="arPredicted">The AR baseline's forecast close of each window.</param>
    /// <param name="maseScale">Mean absolute one-step change of the close over the training windows.</param>
    public static ForecastSkill Compute(WindowSplit split, ReadOnlySpan<double> predicted, int arLags, ReadOnlySpan<double> arPredicted, double maseScale)
    {
        ArgumentNullException.ThrowIfNull(split);
        var n = split.Count;
        var model = new double[n];
        var naive = new double[n];
        var ar = new double[n];
        var predictedChange = new double[n];
        var arChange = new double[n];
        var actualChange = new double[n];
        for (var i = 0; i < n; i++)
        {
            model[i] = predicted[i] - split.ActualClose[i];
            naive[i] = split.PreviousClose[i] - split.ActualClose[i];
            ar[i] = arPredicted[i] - split.ActualClose[i];
            predictedChange[i] = predicted[i] - split.PreviousClose[i];
            arChange[i] = arPredicted[i] - split.PreviousClose[i];
            actualChange[i] = split.ActualClose[i] - split.PreviousClose[i];
        }

        var arErrors = ErrorMetrics.Compute(arPredicted, split.ActualClose);
        var single = n < 2;
        return new ForecastSkill(
            arLags,
            arErrors,
            MeanAbs(model) / maseScale,
            MeanAbs(naive) / maseScale,
            arErrors.Mae / maseScale,
            PesaranTimmermann.Test(predictedChange, actualChange),
            single ? new DieboldMarianoResult(double.NaN, double.NaN, double.NaN, n) : DieboldMariano.Test(model, naive),
            single ? new DieboldMarianoResult(double.NaN, double.NaN, double.NaN, n) : DieboldMariano.Test(model, ar))
        {
            ArDirection = PesaranTimmermann.Test(arChange, actualChange),
        };
    }

    /// <summary>The AR baseline's directional accuracy with the Pesaran–Timmermann test (persistence calls no
    /// change, so it has none to compare).</summary>
    public DirectionalAccuracy? ArDirection { get; init; }

    /// <summary>Mean |close_t − close_{t−1}| over <paramref name="train"/>'s windows: MASE's denominator.</summary>
    public static double MaseScale(WindowSplit train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var sum = 0.0;
        for (var i = 0; i < train.Count; i++)
        {
            sum += Math.Abs(train.ActualClose[i] - train.PreviousClose[i]);
        }

        return sum / train.Count;
    }

    /// <summary>The AR baseline's name, e.g. "AR(14)".</summary>
    public string ArName => string.Create(CultureInfo.InvariantCulture, $"AR({ArLags})");

    private static double MeanAbs(double[] errors) => errors.Sum(Math.Abs) / errors.Length;
}
