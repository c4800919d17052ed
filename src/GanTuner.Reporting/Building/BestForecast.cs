using System.Globalization;
using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Neural;
using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Building;

/// <summary>The best trial's test-period forecasts, without training anything: from the predictions file
/// the study saved for that trial, else by running the study's saved best model over the test windows,
/// once its architecture is seen to match the best trial's hyperparameters.</summary>
internal static class BestForecast
{
    public static TestForecast? Load(string studyDirectory, IterationRow? best, StudyData? data, ICollection<string> notes)
    {
        if (best is null)
        {
            return null;
        }

        var trial = best.Number - 1;
        var predictions = StudyFiles.PredictionsPath(studyDirectory, trial);
        if (File.Exists(predictions))
        {
            return PredictionsCsv.Read(predictions);
        }

        var modelPath = StudyFiles.BestModelPath(studyDirectory);
        if (!File.Exists(modelPath))
        {
            notes.Add($"Neither the best trial's predictions ({predictions}) nor a saved best model ({modelPath}) exists, " +
                "so figures 12 and 13 are omitted: the report never trains a model.");
            return null;
        }

        if (data is null)
        {
            notes.Add($"The best trial's model {modelPath} is there, but without the study's data its test forecasts cannot be drawn.");
            return null;
        }

        try
        {
            return Predict(ForecastModel.Load(modelPath), best, data, modelPath, notes);
        }
        catch (ModelFileException e)
        {
            notes.Add($"The best trial's model could not be read ({e.Message}), so figures 12 and 13 are omitted.");
            return null;
        }
        catch (PriceDataException e)
        {
            notes.Add($"The best trial's model does not fit the study's data ({e.Message}), so figures 12 and 13 are omitted.");
            return null;
        }
    }

    private static TestForecast? Predict(ForecastModel model, IterationRow best, StudyData data, string modelPath, ICollection<string> notes)
    {
        if (Mismatch(model, best) is { } mismatch)
        {
            notes.Add($"{modelPath} is not the best trial's model ({mismatch}), so figures 12 and 13 are omitted.");
            return null;
        }

        var dataset = ForecastDataset.Build(data.Series, model.Data with { ShuffleSeed = data.ShuffleSeed });
        var test = dataset.Test;
        var scaled = model.PredictScaled(test.Inputs);
        // Shuffled protocols list test windows in shuffled order; the figure wants them by date.
        var order = Enumerable.Range(0, test.Count).OrderBy(i => test.TargetRows[i]).ToArray();
        return new TestForecast(
            [.. order.Select(i => test.TargetDates[i])],
            [.. order.Select(i => test.ActualClose[i])],
            [.. order.Select(i => dataset.ToPrice(test, i, scaled[i]))],
            [.. order.Select(i => test.PreviousClose[i])]);
    }

    /// <summary>How the model's architecture differs from the trial's hyperparameters (the paper's names), or null.</summary>
    private static string? Mismatch(ForecastModel model, IterationRow best)
    {
        var spec = model.Network.Spec;
        (string Name, double Model)[] facts =
        [
            ("sequence_length", model.Data.SequenceLength), ("layers", spec.Layers), ("units", spec.Hidden), ("dropout", spec.Dropout),
        ];
        foreach (var (name, value) in facts)
        {
            if (best.Parameters.TryGetValue(name, out var wanted) && Math.Abs(wanted - value) > 1e-9)
            {
                return string.Create(CultureInfo.InvariantCulture, $"its {name} is {value:G6}, the trial's {wanted:G6}");
            }
        }

        return null;
    }
}
