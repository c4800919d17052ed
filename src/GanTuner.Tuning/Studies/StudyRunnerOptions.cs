using GanTuner.Tuning.Pruners;

namespace GanTuner.Tuning.Studies;

/// <summary>How <see cref="StudyRunner"/> runs a study's trials.</summary>
/// <param name="Workers">Trials run at once in this process.</param>
/// <param name="Heartbeat">How often a running trial's heartbeat is renewed.</param>
/// <param name="GraceBeats">Missed heartbeats after which a trial counts as stale.</param>
/// <param name="Pruner">Stops unpromising trials early; null: none.</param>
/// <param name="WorkerName">This process's name in the store (host and process id by default).</param>
/// <param name="Clock">The time source for heartbeats, staleness and waiting (tests inject one).</param>
/// <param name="Threads">Threads shared by the workers (0: every core); each trial gets an equal share.</param>
public sealed record StudyRunnerOptions(
    int Workers = 1,
    TimeSpan? Heartbeat = null,
    int GraceBeats = 3,
    IPruner? Pruner = null,
    string? WorkerName = null,
    TimeProvider? Clock = null,
    int Threads = 0)
{
    public static TimeSpan DefaultHeartbeat { get; } = TimeSpan.FromSeconds(10);

    public TimeSpan HeartbeatInterval => Heartbeat ?? DefaultHeartbeat;

    /// <summary>How long a trial may go without a heartbeat: <see cref="GraceBeats"/> intervals.</summary>
    public TimeSpan GracePeriod => HeartbeatInterval * GraceBeats;

    public TimeProvider TimeSource => Clock ?? TimeProvider.System;

    /// <summary>Threads for each trial: an equal share of <see cref="Threads"/> (or the cores), at least one.</summary>
    public int ThreadsPerTrial => Math.Max(1, (Threads > 0 ? Threads : Environment.ProcessorCount) / Math.Max(1, Workers));

    public string Worker => WorkerName ?? $"{Environment.MachineName}:{Environment.ProcessId}";

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Workers, 1, nameof(Workers));
        ArgumentOutOfRangeException.ThrowIfLessThan(GraceBeats, 1, nameof(GraceBeats));
        ArgumentOutOfRangeException.ThrowIfNegative(Threads, nameof(Threads));
        if (HeartbeatInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Heartbeat), "The heartbeat interval must be positive.");
        }
    }
}
