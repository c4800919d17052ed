using System.Globalization;
using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Tune;

/// <summary>
/// The user attributes <c>tune</c> gives a study it creates: what the report needs to find the data and the
/// files (<see cref="StudyAttributeKeys"/>), plus the epochs of every trial and the Yahoo symbol. On resume the
/// stored attributes are checked against the command's: a study must not silently mix trials measured on
/// other data, another protocol or another number of epochs.
/// </summary>
public static class TuneStudyAttributes
{
    /// <summary>Training epochs of every trial of the study.</summary>
    public const string Epochs = "epochs";

    /// <summary>Scaling of every trial's windows (global or window).</summary>
    public const string Scaling = "scaling";

    /// <summary>The inputs of every trial beyond the close (absent for the close alone, as in studies from before features).</summary>
    public const string Features = "features";

    /// <summary>Early stopping of every trial ("off", or its patience and budgets).</summary>
    public const string EarlyStopping = "early_stopping";

    /// <summary>Walk-forward's folds ("5 expanding"); absent for the other protocols.</summary>
    public const string Folds = "folds";

    /// <summary>The Yahoo symbol the data came from, when it did (predict fetches it again for fresh prices).</summary>
    public const string Symbol = "symbol";

    // What a trial's value depends on. The data's path may change (a moved file); its rows may not.
    private static readonly string[] MustMatch =
    [
        StudyAttributeKeys.Protocol, StudyAttributeKeys.Target, StudyAttributeKeys.Column, Epochs, Scaling, EarlyStopping, Features, Folds,
        StudyAttributeKeys.DataRows, StudyAttributeKeys.DataFirst, StudyAttributeKeys.DataLast,
    ];

    public static Dictionary<string, string> For(TuneRequest settings, TuneData data, string outDirectory)
    {
        var series = data.Series;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StudyAttributeKeys.Data] = data.Location,
            [StudyAttributeKeys.DataSource] = data.Label,
            [StudyAttributeKeys.Column] = settings.Source.Csv.ModelledColumn == PriceColumn.AdjClose ? "adjclose" : "close",
            [StudyAttributeKeys.Protocol] = settings.Protocol.Name(),
            [StudyAttributeKeys.Target] = settings.Target.Name(),
            [StudyAttributeKeys.ShuffleSeed] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            [StudyAttributeKeys.DataRows] = series.Count.ToString(CultureInfo.InvariantCulture),
            [StudyAttributeKeys.DataFirst] = Day(series.FirstDate),
            [StudyAttributeKeys.DataLast] = Day(series.LastDate),
            [StudyAttributeKeys.OutDirectory] = outDirectory,
            [Epochs] = settings.Epochs.ToString(CultureInfo.InvariantCulture),
            [Scaling] = settings.Training.Scaling.Name(),
            [EarlyStopping] = settings.Training.EarlyStoppingDescription,
            [StudyAttributeKeys.Objective] = settings.Training.Objective.Name,
        };
        AddIfGiven(attributes, StudyAttributeKeys.DateColumn, settings.Source.Csv.DateColumn);
        AddIfGiven(attributes, StudyAttributeKeys.ValueColumn, settings.Source.Csv.ValueColumn);
        AddIfGiven(attributes, Symbol, settings.Source.Symbol);
        AddIfGiven(attributes, Features, settings.Training.Features == InputFeatures.Close ? null : settings.Training.Features.Name());
        AddIfGiven(attributes, Folds, settings.Training.FoldsDescription);
        return attributes;
    }

    /// <exception cref="StudyException">The stored study measured something else.</exception>
    public static void RequireSame(StudyRecord stored, IReadOnlyDictionary<string, string> wanted)
    {
        string? Stored(string key) => key == StudyAttributeKeys.Objective ? StoredObjective(stored) : stored.UserAttributes.GetValueOrDefault(key);
        var differences = MustMatch.Append(StudyAttributeKeys.Objective)
            .Where(key => Stored(key) != wanted.GetValueOrDefault(key))
            .Select(key => $"{key} {Stored(key) ?? "(none)"}, not {wanted.GetValueOrDefault(key) ?? "(none)"}")
            .ToList();
        if (differences.Count > 0)
        {
            throw new StudyException(
                $"study '{stored.Name}' already exists with {string.Join(", ", differences)}; give another --study name to start a new study");
        }
    }

    /// <summary>The objective a study's trial values are: its attribute, or for a study from before it was stored
    /// the scaled MSE of the split its protocol optimised (null when it has no protocol either).</summary>
    private static string? StoredObjective(StudyRecord stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var attributes = stored.UserAttributes;
        return attributes.GetValueOrDefault(StudyAttributeKeys.Objective) ?? LegacyObjective(attributes.GetValueOrDefault(StudyAttributeKeys.Protocol));
    }

    /// <summary>What trial values were before the objective was stored: always the scaled MSE.</summary>
    private static string? LegacyObjective(string? protocol) =>
        ProtocolNames.TryParseProtocol(protocol, out var parsed) ? ObjectiveMeasure.For(global::GanTuner.Data.Protocols.Scaling.Global, parsed.ObjectiveSplit()).Name : null;

    private static void AddIfGiven(Dictionary<string, string> attributes, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            attributes[key] = value;
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
