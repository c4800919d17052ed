using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using GanTuner.Storage;
using GanTuner.Tuning;

namespace GanTuner.Studies.Tune;

/// <summary>
/// <c>trials.csv</c> and <c>trials.json</c>: every trial of the study with every parameter, attribute and metric
/// it stored. The state column says <c>interrupted</c> for a trial whose process stopped (its configuration was
/// evaluated again by a retry). Numbers are written round-trip and culture-invariant; a missing or non-finite
/// value is an empty CSV cell and a JSON null. Both files are replaced whole, never half written.
/// </summary>
public static class TrialsFiles
{
    public const string CsvName = "trials.csv";
    public const string JsonName = "trials.json";

    private static readonly string[] FixedColumns = ["trial", "iteration", "state", "value", "started_at", "finished_at", "seconds"];

    public static void Write(string directory, StudyRecord study, IReadOnlyList<TrialRecord> trials, string objective, TrialRecord? best)
    {
        Directory.CreateDirectory(directory);
        Replace(Path.Combine(directory, CsvName), writer => WriteCsv(writer, study, trials));
        Replace(Path.Combine(directory, JsonName), writer => writer.Write(Json(study, trials, objective, best)));
    }

    public static string State(TrialRecord trial) =>
        trial.IsInterrupted ? "interrupted" : trial.State.ToString().ToLowerInvariant();

    private static void WriteCsv(TextWriter writer, StudyRecord study, IReadOnlyList<TrialRecord> trials)
    {
        var parameters = SearchSpace.Parse(study.SearchSpaceJson).Parameters.Select(p => p.Name).ToList();
        var attributes = trials.SelectMany(t => t.Attributes.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var metrics = trials.SelectMany(t => t.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var header in FixedColumns.Concat(parameters).Concat(attributes).Concat(metrics))
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var trial in trials)
        {
            csv.WriteField(trial.Number);
            csv.WriteField(trial.Number + 1);
            csv.WriteField(State(trial));
            csv.WriteField(Number(trial.Value));
            csv.WriteField(Time(trial.StartedAt));
            csv.WriteField(trial.FinishedAt is { } finished ? Time(finished) : "");
            csv.WriteField(Number(trial.Duration?.TotalSeconds));
            foreach (var name in parameters)
            {
                csv.WriteField(trial.Parameters.TryGetValue(name, out var value) ? value.ToString() : "");
            }

            foreach (var key in attributes)
            {
                csv.WriteField(trial.Attributes.GetValueOrDefault(key, ""));
            }

            foreach (var key in metrics)
            {
                csv.WriteField(Number(trial.Metrics.TryGetValue(key, out var value) ? value : null));
            }

            csv.NextRecord();
        }
    }

    private static string Json(StudyRecord study, IReadOnlyList<TrialRecord> trials, string objective, TrialRecord? best)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("study", study.Name);
            json.WriteString("tuner", study.TunerName);
            json.WriteNumber("seed", study.Seed);
            json.WriteString("objective", objective);
            json.WriteStartObject("study_attributes");
            foreach (var (key, value) in study.UserAttributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            if (best is null)
            {
                json.WriteNull("best_trial");
            }
            else
            {
                json.WriteNumber("best_trial", best.Number);
            }

            json.WriteStartArray("trials");
            foreach (var trial in trials)
            {
                WriteTrial(json, trial);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteTrial(Utf8JsonWriter json, TrialRecord trial)
    {
        json.WriteStartObject();
        json.WriteNumber("trial", trial.Number);
        json.WriteNumber("iteration", trial.Number + 1);
        json.WriteString("state", State(trial));
        WriteNumber(json, "value", trial.Value);
        json.WriteString("started_at", Time(trial.StartedAt));
        if (trial.FinishedAt is { } finished)
        {
            json.WriteString("finished_at", Time(finished));
        }
        else
        {
            json.WriteNull("finished_at");
        }

        WriteNumber(json, "seconds", trial.Duration?.TotalSeconds);
        json.WriteStartObject("parameters");
        foreach (var (name, value) in trial.Parameters)
        {
            if (value.Number is { } number)
            {
                json.WriteNumber(name, number);
            }
            else
            {
                json.WriteString(name, value.Text);
            }
        }

        json.WriteEndObject();
        json.WriteStartObject("attributes");
        foreach (var (key, value) in trial.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("metrics");
        foreach (var (key, value) in trial.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            WriteNumber(json, key, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string key, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(key, v);
        }
        else
        {
            json.WriteNull(key);
        }
    }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static void Replace(string path, Action<TextWriter> write)
    {
        // A name of its own, so that workers sharing the folder never write the same temporary file.
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
        {
            write(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
