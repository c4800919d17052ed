using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Neural;

namespace GanTuner.Studies.Trials;

/// <summary>One LSTM trial outside any study: read the prices, build the windows, train, score, save the model.</summary>
public static class SingleTrial
{
    /// <returns>The trial's result and the windows it was scored on.</returns>
    /// <exception cref="ModelFileException">The model cannot be written.</exception>
    public static async Task<(TrialResult Result, ForecastDataset Data)> RunAsync(
        TrialRequest request, IProgress<TrialProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var series = await request.Source.LoadAsync(cancellationToken).ConfigureAwait(false);
        var data = ForecastDataset.Build(series, request.Training.Spec(request.Source, request.Config.SequenceLength));
        var result = TrialRunner.Run(data, request.Config, request.Training.TrialOptions(request.SaveModel is not null), progress, cancellationToken);
        if (result.Model is not null && request.SaveModel is not null)
        {
            Save(result.Model, request.SaveModel);
        }

        return (result, data);
    }

    private static void Save(ForecastModel model, string path)
    {
        try
        {
            model.Save(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException($"cannot write the model to {path}: {ex.Message}", ex);
        }
    }
}
