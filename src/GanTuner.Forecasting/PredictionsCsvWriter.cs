using System.Globalization;
using System.Text;

namespace GanTuner.Forecasting;

/// <summary>Writes a trial's test-period forecasts as a small CSV, <c>date,actual,predicted,naive</c> in price
/// units, one row per test window in date order. The study layer writes it as trials finish; the report reads it.</summary>
public static class PredictionsCsvWriter
{
    public const string Header = "date,actual,predicted,naive";

    /// <summary>Writes the forecasts (replacing <paramref name="path"/> only once fully written).</summary>
    public static void Write(string path, PredictionSeries predictions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(predictions);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var i in Enumerable.Range(0, predictions.Dates.Count).OrderBy(i => predictions.Dates[i]))
        {
            text.Append(predictions.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(predictions.Actual[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(predictions.Predicted[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(predictions.Naive[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // A name of its own, so that workers sharing the folder never write the same temporary file.
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
