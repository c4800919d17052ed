using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GanTuner.Studies.Tune;

/// <summary>
/// <c>best-trial.json</c>, written beside <c>best-model.json</c>: which trial of which study the model is, and the
/// data it was trained on. The model file itself carries what a forecast needs (spec, sequence length, scaler,
/// target, protocol, column) but not its trial or data, so <c>tune</c> uses this file to know whether the saved
/// model is still the study's best, and <c>predict</c> to find the study's data when none is given.
/// </summary>
public sealed record BestTrialInfo(
    string Study,
    int Trial,
    double Value,
    string Objective,
    IReadOnlyDictionary<string, double> Parameters,
    int Epochs,
    long Seed,
    string Data,
    string DataSource,
    string? Symbol,
    string Column,
    string? DateColumn,
    string? ValueColumn,
    string Protocol,
    string Target,
    string Origin,
    DateTimeOffset SavedAt)
{
    public const string FileName = "best-trial.json";

    /// <summary><see cref="Origin"/> of a model kept from the trial that found it.</summary>
    public const string Kept = "kept from the trial";

    /// <summary><see cref="Origin"/> of a model trained again from the best configuration and the study's seed.</summary>
    public const string Retrained = "retrained with the study's seed";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string PathIn(string directory) => Path.Combine(directory, FileName);

    /// <summary>The info in <paramref name="directory"/>, or null when there is none or it cannot be read.</summary>
    public static BestTrialInfo? TryLoad(string directory)
    {
        var path = PathIn(directory);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<BestTrialInfo>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the file whole or not at all.</summary>
    public void Save(string directory)
    {
        var path = PathIn(directory);
        // A name of its own, so that workers sharing the folder never write the same temporary file.
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json) + "\n", new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
