using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies;

/// <summary>Tunes any function of a parameter set: <c>study.Optimize(p =&gt; f(p), budget)</c>.</summary>
public static class StudyOptimization
{
    /// <summary>Evaluates <paramref name="objective"/> (minimised) until the study holds <paramref name="budget"/>
    /// evaluated trials; a loaded study runs only what is missing. A non-finite value is recorded as a failed trial.</summary>
    /// <returns>The best trial so far, or null when none completed.</returns>
    public static TrialRecord? Optimize(this Study study, Func<ParameterSet, double> objective, int budget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(objective);
        StudyRunner.Optimize(study, (parameters, _) => Outcome(objective(parameters)), budget, cancellationToken: cancellationToken);
        return study.Best;
    }

    private static TrialOutcome Outcome(double value) =>
        double.IsFinite(value) ? TrialOutcome.Success(value) : TrialOutcome.Failure(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the objective returned {value}"));
}
