namespace GanTuner.Studies.AskTell;

/// <summary>One stored study at a glance: its definition, its trial counts by state, and its best trial.</summary>
public sealed record StudySummary(
    string Name,
    string Tuner,
    long Seed,
    int Trials,
    int Complete,
    int Failed,
    int Pruned,
    int Running,
    double? BestValue,
    int? BestTrial,
    DateTimeOffset Created);
