using GanTuner.Tuning;

namespace GanTuner.Studies.AskTell;

/// <summary>Start a study's next trial, creating the study if needed. What is left null comes from the stored study
/// (or the defaults for a new one); what is given must agree with it.</summary>
/// <param name="Storage">Where the study is stored (see <c>StudyStores.Open</c>).</param>
/// <param name="Study">The study's name.</param>
public sealed record AskRequest(string Storage, string Study)
{
    public const string DefaultTuner = "tpe";

    public string? Tuner { get; init; }

    public string? SpaceFile { get; init; }

    public int? Seed { get; init; }

    public TunerOptions? Options { get; init; }

    /// <summary>With a heartbeat, the asked trial goes stale (and is retried) if it is neither told nor renewed
    /// (<see cref="StudyService.Beat"/>) within <see cref="GraceBeats"/> intervals; without, it waits for its tell.</summary>
    public TimeSpan? Heartbeat { get; init; }

    /// <summary>Missed heartbeats after which an asked trial counts as stale.</summary>
    public const int GraceBeats = 3;
}
