using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.AskTell;

/// <summary>Drives a stored study from outside, Optuna-CLI style: ask for a trial, tell its result, list the studies.</summary>
public static class StudyService
{
    /// <summary>Starts the study's next trial (creating the study if needed).</summary>
    /// <exception cref="SearchSpaceException">The space file is bad.</exception>
    /// <exception cref="TunerOptionsException">A tuner or option is unknown or bad.</exception>
    /// <exception cref="StudyException">What was given disagrees with the stored study.</exception>
    public static TrialHandle Ask(AskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Read the user's files first: a bad one must not leave a new, empty storage file behind.
        var space = request.SpaceFile is null ? null : SearchSpace.Load(request.SpaceFile);
        var options = request.Options;
        if (StudyStores.SqlitePath(request.Storage) is { } file && !File.Exists(file))
        {
            var tuner = request.Tuner ?? AskRequest.DefaultTuner;
            TunerFactory.RequireOwnOptions(tuner, options ?? TunerOptions.Empty);
            _ = TunerFactory.Create(tuner, space ?? SearchSpace.Table1(), 0, options ?? TunerOptions.Empty);
        }

        using var store = StudyStores.Open(request.Storage);
        var grace = request.Heartbeat * AskRequest.GraceBeats;
        return Open(store, request, space, options).TryAsk(new AskOptions($"ask@{Environment.MachineName}:{Environment.ProcessId}", grace))!;
    }

    /// <summary>Renews the heartbeat of a trial asked with a heartbeat; false when it is no longer running (it
    /// was told, or failed as stale and handed to a retry): stop evaluating it.</summary>
    /// <exception cref="StudyStoreException">The storage, or the trial, does not exist.</exception>
    /// <exception cref="StudyException">No such study.</exception>
    public static bool Beat(string storage, string study, int trial)
    {
        using var store = StudyStores.Open(storage, createIfMissing: false);
        return Study.Load(store, study).Heartbeat(trial);
    }

    /// <summary>Records the value, or the failure, of a running trial.</summary>
    /// <exception cref="StudyStoreException">The storage does not exist.</exception>
    /// <exception cref="StudyException">No such study or running trial.</exception>
    public static TrialRecord Tell(TellRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var store = StudyStores.Open(request.Storage, createIfMissing: false);
        var study = Study.Load(store, request.Study);
        return request.Value is { } value
            ? study.Tell(request.Trial, value, request.Metrics)
            : study.Fail(request.Trial, request.FailReason ?? "reported failed", request.Metrics);
    }

    /// <summary>Every stored study, by name.</summary>
    /// <exception cref="StudyStoreException">The storage does not exist.</exception>
    public static IReadOnlyList<StudySummary> List(string storage)
    {
        using var store = StudyStores.Open(storage, createIfMissing: false);
        return [.. store.ListStudies().Select(study => Summarise(study, store.GetTrials(study.Name)))];
    }

    private static StudySummary Summarise(StudyRecord study, IReadOnlyList<TrialRecord> trials)
    {
        var best = trials.Where(t => t.State == TrialState.Complete).MinBy(t => t.Value);
        return new StudySummary(
            study.Name,
            study.TunerName,
            study.Seed,
            trials.Count,
            trials.Count(t => t.State == TrialState.Complete),
            trials.Count(t => t.State == TrialState.Failed),
            trials.Count(t => t.State == TrialState.Pruned),
            trials.Count(t => t.State == TrialState.Running),
            best?.Value,
            best?.Number,
            study.CreatedAt);
    }

    /// <summary>The stored definition fills in whatever the user left out; what they gave must agree with it.</summary>
    private static Study Open(IStudyStore store, AskRequest request, SearchSpace? space, TunerOptions? options)
    {
        var stored = store.FindStudy(request.Study);
        var tuner = request.Tuner ?? stored?.TunerName ?? AskRequest.DefaultTuner;
        if (options is not null)
        {
            TunerFactory.RequireOwnOptions(tuner, options);
        }

        space ??= stored is not null ? SearchSpace.Parse(stored.SearchSpaceJson) : SearchSpace.Table1();
        options ??= stored is not null ? TunerOptions.FromJson(stored.TunerOptionsJson) : TunerOptions.Empty;
        return Study.CreateOrLoad(store, request.Study, space, tuner, request.Seed ?? stored?.Seed ?? 0, options);
    }
}
