namespace GanTuner.Tuning.Studies;

/// <summary>How <see cref="Study.TryAsk"/> starts a trial.</summary>
/// <param name="Worker">Who will run it (recorded with the trial).</param>
/// <param name="StaleAfter">The grace period: without a heartbeat for that long, any worker may fail the
/// trial as stale and retry its configuration. Null: the trial never goes stale (ask/tell without a heartbeat).</param>
/// <param name="Budget">Claim one of this many evaluations, or start nothing when running and evaluated
/// trials already fill it. Null: no budget.</param>
public sealed record AskOptions(string? Worker = null, TimeSpan? StaleAfter = null, int? Budget = null);
