using GanTuner.Storage;
using GanTuner.Tuning;

namespace GanTuner.Dashboard.Views;

/// <summary>One study as read in one store transaction, with what every view of it needs worked out once.
/// Immutable, so any number of requests share it until the store changes.</summary>
internal sealed class StudySnapshot
{
    private readonly Lazy<Analysis.ImportanceResult> _importance;

    public StudySnapshot(StudyRecord study, IReadOnlyList<TrialRecord> trials, long version)
    {
        Study = study;
        Trials = trials;
        Version = version;
        Space = TryParseSpace(study.SearchSpaceJson);
        Complete = [.. trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v))];
        Best = Complete.Count == 0 ? null : Complete.MinBy(t => t.Value!.Value);
        Injections = InjectionRuns(trials);
        _importance = new Lazy<Analysis.ImportanceResult>(() => Analysis.PedAnova.Evaluate(this));
    }

    public StudyRecord Study { get; }

    public IReadOnlyList<TrialRecord> Trials { get; }

    /// <summary>The feed version this was read at.</summary>
    public long Version { get; }

    /// <summary>The study's search space, or null when its JSON is not one this version reads.</summary>
    public SearchSpace? Space { get; }

    /// <summary>Complete trials with a finite value, in number order.</summary>
    public IReadOnlyList<TrialRecord> Complete { get; }

    public TrialRecord? Best { get; }

    /// <summary>Runs of consecutive trial numbers proposed while the GAN's random injection was active.</summary>
    public IReadOnlyList<(int First, int Last)> Injections { get; }

    public Analysis.ImportanceResult Importance => _importance.Value;

    /// <summary>The parameter names in the space's order (or the first trial's, without a space).</summary>
    public IReadOnlyList<string> ParameterNames =>
        Space?.Parameters.Select(p => p.Name).ToArray()
        ?? (Trials.Count > 0 ? Trials[0].Parameters.Keys.ToArray() : null)
        ?? [];

    public int Count(TrialState state) => Trials.Count(t => t.State == state);

    /// <summary>The best value after each complete trial, as (trial number, best so far).</summary>
    public IReadOnlyList<(int Number, double Best)> BestSoFar()
    {
        var curve = new List<(int, double)>(Complete.Count);
        var best = double.PositiveInfinity;
        foreach (var trial in Complete)
        {
            best = Math.Min(best, trial.Value!.Value);
            curve.Add((trial.Number, best));
        }

        return curve;
    }

    private static SearchSpace? TryParseSpace(string json)
    {
        try
        {
            return SearchSpace.Parse(json);
        }
        catch (SearchSpaceException)
        {
            return null;
        }
    }

    // As the report shades them: a trial whose gan.injection attribute is true; interrupted trials are not results.
    private static List<(int, int)> InjectionRuns(IReadOnlyList<TrialRecord> trials)
    {
        var runs = new List<(int, int)>();
        int? start = null;
        var last = -1;
        foreach (var trial in trials.Where(t => !t.IsInterrupted))
        {
            var injected = trial.Attributes.TryGetValue(StudyAttributeKeys.GanInjection, out var flag)
                && (flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag == "1");
            if (injected && start is not null && trial.Number == last + 1)
            {
                last = trial.Number;
                continue;
            }

            if (start is not null)
            {
                runs.Add((start.Value, last));
                start = null;
            }

            if (injected)
            {
                start = trial.Number;
                last = trial.Number;
            }
        }

        if (start is not null)
        {
            runs.Add((start.Value, last));
        }

        return runs;
    }
}
