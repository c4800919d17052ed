using GanTuner.Forecasting;
using GanTuner.Reporting;
using GanTuner.Reporting.Building;
using GanTuner.Storage;
using GanTuner.Reporting.Model;

namespace GanTuner.Dashboard.Views;

/// <summary>A trial's test-period forecasts, from the predictions file its study saved for it
/// (<see cref="StudyFiles.PredictionsPath"/>, where the report finds them). The dashboard never trains or
/// runs a model: without the file, the trial page says so.</summary>
internal static class TestForecasts
{
    public static (TestForecast? Forecast, ForecastInfo Info) Load(StudySnapshot snapshot, int trialNumber, string workingDirectory)
    {
        var folder = snapshot.Study.UserAttributes.GetValueOrDefault(StudyAttributeKeys.OutDirectory)
            ?? StudyFiles.DefaultDirectory(snapshot.Study.Name);
        var path = Path.GetFullPath(StudyFiles.PredictionsPath(folder, trialNumber), workingDirectory);
        if (!File.Exists(path))
        {
            return (null, new ForecastInfo(false, $"No test-period forecasts were saved for this trial ({path} is absent)."));
        }

        try
        {
            return (PredictionsCsv.Read(path), new ForecastInfo(true, path));
        }
        catch (Exception e) when (e is ReportException or IOException or UnauthorizedAccessException)
        {
            return (null, new ForecastInfo(false, $"The forecasts file {path} could not be read ({e.Message})."));
        }
    }
}
