using System.Globalization;

namespace GanTuner.Forecasting;

/// <summary>Where a study's files live, shared by <c>tune</c> (which writes them) and the report (which reads
/// them): <c>&lt;study folder&gt;/best-model.json</c> is the saved best <c>ForecastModel</c>, and
/// <c>&lt;study folder&gt;/predictions/trial-NNNN.csv</c> a trial's test-period forecasts
/// (<see cref="PredictionsCsvWriter"/>). Predictions are named by trial number so the report can never pair the
/// best trial's metrics with another trial's forecasts; the model file is checked against the best trial's
/// hyperparameters before it is used.</summary>
public static class StudyFiles
{
    public const string OutRoot = "gantuner-out";

    /// <summary>The default folder of a study: <c>./gantuner-out/&lt;study&gt;/</c>.</summary>
    public static string DefaultDirectory(string study) => Path.Combine(OutRoot, study);

    /// <summary>The default report folder: <c>&lt;study folder&gt;/report/</c>.</summary>
    public static string ReportDirectory(string studyDirectory) => Path.Combine(studyDirectory, "report");

    public static string BestModelPath(string studyDirectory) => Path.Combine(studyDirectory, "best-model.json");

    public static string PredictionsPath(string studyDirectory, int trialNumber) =>
        Path.Combine(studyDirectory, "predictions", "trial-" + Number(trialNumber) + ".csv");

    private static string Number(int trialNumber) => trialNumber.ToString("0000", CultureInfo.InvariantCulture);
}
