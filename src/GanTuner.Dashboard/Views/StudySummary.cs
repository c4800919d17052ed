namespace GanTuner.Dashboard.Views;

/// <summary>A row of the studies page: what a study is and how far it has got. Running means it has a
/// Running trial now.</summary>
internal sealed record StudySummary(
    string Name,
    string Tuner,
    int Seed,
    DateTimeOffset Created,
    int Trials,
    int Complete,
    int Failed,
    int Pruned,
    int Running,
    double? BestValue,
    int? BestTrial,
    bool IsRunning,
    DateTimeOffset? LastActivity)
{
    public static StudySummary Of(StudySnapshot snapshot)
    {
        var trials = snapshot.Trials;
        DateTimeOffset? last = trials.Count == 0
            ? null
            : trials.Max(t => t.FinishedAt is { } finished && finished > t.StartedAt ? finished : t.StartedAt);
        return new StudySummary(
            snapshot.Study.Name,
            snapshot.Study.TunerName,
            snapshot.Study.Seed,
            snapshot.Study.CreatedAt,
            trials.Count,
            snapshot.Count(Storage.TrialState.Complete),
            snapshot.Count(Storage.TrialState.Failed),
            snapshot.Count(Storage.TrialState.Pruned),
            snapshot.Count(Storage.TrialState.Running),
            snapshot.Best?.Value,
            snapshot.Best?.Number,
            snapshot.Count(Storage.TrialState.Running) > 0,
            last);
    }
}
