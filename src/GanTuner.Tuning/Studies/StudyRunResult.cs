using GanTuner.Storage;

namespace GanTuner.Tuning.Studies;

/// <summary>What <c>StudyRunner.Optimize</c> did: the trials it finished (in order) and the study's best.</summary>
public sealed record StudyRunResult(IReadOnlyList<TrialRecord> Finished, IReadOnlyList<TrialRecord> Interrupted, TrialRecord? Best);
