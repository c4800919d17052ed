using GanTuner.Storage;

namespace GanTuner.Storage.Tests;

/// <summary>The <see cref="IStudyStore"/> contract; every store runs this suite through a subclass.</summary>
public abstract class StudyStoreContract : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    protected StudyStoreContract() => Store = CreateStore();

    protected IStudyStore Store { get; private set; }

    /// <summary>A new, empty store.</summary>
    protected abstract IStudyStore CreateStore();

    /// <summary>The same store as a new process would see it (for a file: closed and opened again).</summary>
    protected abstract IStudyStore Reopen(IStudyStore store);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    protected void ReopenStore() => Store = Reopen(Store);

    protected static StudyRecord Study(string name = "s", int seed = 7) =>
        new(name, """{"parameters":[]}""", "tpe", "{}", seed, T0,
            [new("data", "^GSPC 2000-2020"), new("protocol", "holdout")]);

    protected static TrialDraft Draft(double x = 0.25, string choice = "relu", params KeyValuePair<string, string>[] attributes) =>
        new([new("x", ParamValue.Of(x)), new("activation", ParamValue.Of(choice))], [x, 1.0 / 3.0], T0.AddMinutes(1), attributes);

    protected TrialRecord CreateTrial(string study = "s", TrialDraft? draft = null)
    {
        var progress = StudyProgress.Of(Store.GetTrials(study));
        return Store.TryCreateTrial(study, draft ?? Draft(), progress) ?? throw new InvalidOperationException("stale");
    }

    protected static TrialCompletion Complete(double value, params KeyValuePair<string, double>[] metrics) =>
        new(TrialState.Complete, value, T0.AddMinutes(3), metrics);

    [Fact]
    public void A_study_is_created_once_and_keeps_its_first_definition()
    {
        Assert.True(Store.TryCreateStudy(Study(seed: 1)));
        Assert.False(Store.TryCreateStudy(Study(seed: 2)));

        Assert.Equal(1, Store.FindStudy("s")!.Seed);
    }

    [Fact]
    public void A_study_definition_round_trips()
    {
        Store.TryCreateStudy(Study());

        var study = Store.FindStudy("s")!;

        Assert.Equal("s", study.Name);
        Assert.Equal(StudyDirection.Minimize, study.Direction);
        Assert.Equal("""{"parameters":[]}""", study.SearchSpaceJson);
        Assert.Equal("tpe", study.TunerName);
        Assert.Equal("{}", study.TunerOptionsJson);
        Assert.Equal(7, study.Seed);
        Assert.Equal(T0, study.CreatedAt);
        Assert.Equal(["data", "protocol"], study.UserAttributes.Keys);
        Assert.Equal("holdout", study.UserAttributes["protocol"]);
    }

    [Fact]
    public void Studies_are_listed_by_name_and_unknown_ones_are_absent()
    {
        Store.TryCreateStudy(Study("b"));
        Store.TryCreateStudy(Study("a"));

        Assert.Equal(["a", "b"], Store.ListStudies().Select(s => s.Name));
        Assert.Null(Store.FindStudy("c"));
        Assert.Throws<StudyStoreException>(() => Store.GetTrials("c"));
    }

    [Fact]
    public void Trials_are_numbered_in_creation_order_and_round_trip_exactly()
    {
        Store.TryCreateStudy(Study());

        CreateTrial(draft: Draft(0.1, "tanh", new KeyValuePair<string, string>("gan.injection", "true")));
        CreateTrial(draft: Draft(1e-300));
        var trials = Store.GetTrials("s");

        Assert.Equal([0, 1], trials.Select(t => t.Number));
        var first = trials[0];
        Assert.Equal(TrialState.Running, first.State);
        Assert.Equal(["x", "activation"], first.Parameters.Keys);
        Assert.Equal(0.1, first.Parameters["x"].Number);
        Assert.Equal("tanh", first.Parameters["activation"].Text);
        Assert.Equal([0.1, 1.0 / 3.0], first.Point);
        Assert.Equal("true", first.Attributes["gan.injection"]);
        Assert.Equal(T0.AddMinutes(1), first.StartedAt);
        Assert.Null(first.Value);
        Assert.Null(first.FinishedAt);
        Assert.Null(first.FinishOrder);
        Assert.Equal(1e-300, trials[1].Point[0]);
    }

    [Fact]
    public void A_stale_progress_creates_nothing()
    {
        Store.TryCreateStudy(Study());
        var before = StudyProgress.Of(Store.GetTrials("s"));
        CreateTrial();

        var created = Store.TryCreateTrial("s", Draft(), before);

        Assert.Null(created);
        Assert.Single(Store.GetTrials("s"));
    }

    [Fact]
    public void Finishing_records_value_metrics_attributes_and_order()
    {
        Store.TryCreateStudy(Study());
        CreateTrial(draft: Draft(attributes: new KeyValuePair<string, string>("note", "created")));
        CreateTrial();

        Store.FinishTrial("s", 1, new TrialCompletion(TrialState.Failed, null, T0.AddMinutes(2), null,
            [new(TrialAttributeKeys.FailReason, "out of memory")]));
        var done = Store.FinishTrial("s", 0, new TrialCompletion(TrialState.Complete, 0.5, T0.AddMinutes(4),
            [new("test_mse", 0.01), new("diverged", double.NaN)], [new("note", "finished")]));
        var third = CreateTrial();
        var trials = Store.GetTrials("s");

        foreach (var trial in new[] { done, trials[0] })
        {
            Assert.Equal(TrialState.Complete, trial.State);
            Assert.Equal(0.5, trial.Value);
            Assert.Equal(0.01, trial.Metrics["test_mse"]);
            Assert.True(double.IsNaN(trial.Metrics["diverged"]));
            Assert.Equal("finished", trial.Attributes["note"]);
            Assert.Equal(TimeSpan.FromMinutes(3), trial.Duration);
            Assert.Equal(2, trial.FinishOrder);
        }

        Assert.Equal(TrialState.Failed, trials[1].State);
        Assert.Equal("out of memory", trials[1].Attributes[TrialAttributeKeys.FailReason]);
        Assert.Equal(1, trials[1].FinishOrder);
        Assert.Equal([0, 0, 2], trials.Select(t => t.FinishedBefore));
        Assert.Equal(2, third.FinishedBefore);
    }

    [Fact]
    public void A_finished_trial_cannot_be_finished_again()
    {
        Store.TryCreateStudy(Study());
        CreateTrial();
        Store.FinishTrial("s", 0, Complete(1));

        Assert.Throws<StudyStoreException>(() => Store.FinishTrial("s", 0, Complete(2)));
        Assert.Throws<StudyStoreException>(() => Store.FinishTrial("s", 5, Complete(2)));
        Assert.Equal(1, Store.GetTrials("s")[0].Value);
    }

    [Fact]
    public void Records_handed_out_do_not_change_when_their_sources_do()
    {
        Store.TryCreateStudy(Study());
        var point = new[] { 0.5 };
        var draft = new TrialDraft([], point, T0);

        var trial = Store.TryCreateTrial("s", draft, default)!;
        point[0] = 0.9;

        Assert.Equal(0.5, trial.Point[0]);
        Assert.Equal(0.5, Store.GetTrials("s")[0].Point[0]);
    }

    [Fact]
    public void Studies_do_not_interfere()
    {
        Store.TryCreateStudy(Study("a"));
        Store.TryCreateStudy(Study("b"));
        CreateTrial("a");
        CreateTrial("a");

        var b = CreateTrial("b");

        Assert.Equal(0, b.Number);
        Assert.Equal(2, Store.GetTrials("a").Count);
    }

    [Fact]
    public void Concurrent_creators_get_distinct_consecutive_numbers()
    {
        Store.TryCreateStudy(Study());
        const int Workers = 4, PerWorker = 15;

        var winners = new int[Workers];
        Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, worker =>
        {
            winners[worker] = Store.TryCreateStudy(Study()) ? 1 : 0;
            for (var made = 0; made < PerWorker;)
            {
                var progress = StudyProgress.Of(Store.GetTrials("s"));
                var trial = Store.TryCreateTrial("s", Draft(worker), progress);
                if (trial is not null)
                {
                    Store.FinishTrial("s", trial.Number, Complete(worker));
                    made++;
                }
            }
        });
        var trials = Store.GetTrials("s");

        Assert.Equal(0, winners.Sum());
        Assert.Equal(Enumerable.Range(0, Workers * PerWorker), trials.Select(t => t.Number));
        Assert.Equal(Enumerable.Range(1, Workers * PerWorker), trials.Select(t => t.FinishOrder!.Value).Order());
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void After_a_crash_finished_trials_are_kept_and_running_ones_stay_running()
    {
        Store.TryCreateStudy(Study());
        CreateTrial();
        Store.FinishTrial("s", 0, Complete(0.3));
        CreateTrial();

        ReopenStore();
        var trials = Store.GetTrials("s");

        Assert.Equal([TrialState.Complete, TrialState.Running], trials.Select(t => t.State));
        Assert.Equal(0.3, trials[0].Value);
        Assert.Equal(TrialState.Complete, Store.FinishTrial("s", 1, Complete(0.2)).State);
    }

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private static TrialDraft Leased(string worker = "host-a:101:0") =>
        new([new("x", ParamValue.Of(0.5))], [0.5], T0, null, worker, Grace);

    private static TrialCompletion Stale(DateTimeOffset at) =>
        new(TrialState.Failed, null, at, null,
            [new(TrialAttributeKeys.FailReason, TrialAttributeKeys.InterruptedReason), new(TrialAttributeKeys.InterruptedCause, TrialAttributeKeys.StaleCause)]);

    [Fact]
    public void A_running_trial_keeps_its_worker_grace_period_and_heartbeat()
    {
        Store.TryCreateStudy(Study());
        CreateTrial(draft: Leased());

        Assert.True(Store.Heartbeat("s", 0, T0.AddSeconds(10)));
        var trial = Store.GetTrials("s")[0];

        Assert.Equal("host-a:101:0", trial.Worker);
        Assert.Equal(Grace, trial.StaleAfter);
        Assert.Equal(T0.AddSeconds(10), trial.HeartbeatAt);
        Assert.False(trial.IsStaleAt(T0.AddSeconds(40)));
        Assert.True(trial.IsStaleAt(T0.AddSeconds(41)));
    }

    [Fact]
    public void A_running_trial_takes_progress_attributes_and_a_finished_one_refuses_them()
    {
        Store.TryCreateStudy(Study());
        CreateTrial(draft: Draft(attributes: [new("epoch", "1"), new("source", "tpe")]));

        Assert.True(Store.SetRunningAttributes("s", 0, new Dictionary<string, string> { ["epoch"] = "2", ["epochs"] = "10" }));
        var running = Store.GetTrials("s")[0];
        Assert.Equal("2", running.Attributes["epoch"]);
        Assert.Equal("10", running.Attributes["epochs"]);
        Assert.Equal("tpe", running.Attributes["source"]);

        Store.FinishTrial("s", 0, new TrialCompletion(TrialState.Complete, 1.0, T0.AddMinutes(2)));
        Assert.False(Store.SetRunningAttributes("s", 0, new Dictionary<string, string> { ["epoch"] = "3" }));
        Assert.Equal("2", Store.GetTrials("s")[0].Attributes["epoch"]);
        Assert.Throws<StudyStoreException>(() => Store.SetRunningAttributes("s", 9, new Dictionary<string, string> { ["epoch"] = "1" }));
    }

    [Fact]
    public void A_live_trial_is_never_failed_as_stale()
    {
        Store.TryCreateStudy(Study());
        CreateTrial(draft: Leased());
        Store.Heartbeat("s", 0, T0.AddSeconds(25));

        var failed = Store.TryFinishStale("s", 0, Stale(T0.AddSeconds(50)));

        Assert.Null(failed);
        Assert.Equal(TrialState.Running, Store.GetTrials("s")[0].State);
        Assert.Equal(StudyProgress.Of(Store.GetTrials("s")), new StudyProgress(1, 0));
    }

    [Fact]
    public void A_stale_trial_is_failed_once_and_its_worker_learns_it_from_its_next_heartbeat()
    {
        Store.TryCreateStudy(Study());
        CreateTrial(draft: Leased());

        var failed = Store.TryFinishStale("s", 0, Stale(T0.AddSeconds(31)));
        var again = Store.TryFinishStale("s", 0, Stale(T0.AddSeconds(32)));

        Assert.NotNull(failed);
        Assert.True(failed.IsInterrupted);
        Assert.Equal(TrialAttributeKeys.StaleCause, Store.GetTrials("s")[0].Attributes[TrialAttributeKeys.InterruptedCause]);
        Assert.Equal(1, failed.FinishOrder);
        Assert.Null(again);
        Assert.False(Store.Heartbeat("s", 0, T0.AddSeconds(33)));
        Assert.Throws<StudyStoreException>(() => Store.FinishTrial("s", 0, Complete(0.1)));
    }

    [Fact]
    public void A_trial_without_a_grace_period_never_goes_stale()
    {
        Store.TryCreateStudy(Study());
        CreateTrial();

        Assert.Null(Store.TryFinishStale("s", 0, Stale(T0.AddYears(1))));
        Assert.Null(Store.GetTrials("s")[0].StaleAfter);
        Assert.Equal(TrialState.Running, Store.GetTrials("s")[0].State);
    }

    [Fact]
    public void Heartbeats_of_unknown_trials_are_errors()
    {
        Store.TryCreateStudy(Study());

        Assert.Throws<StudyStoreException>(() => Store.Heartbeat("s", 0, T0));
        Assert.Throws<StudyStoreException>(() => Store.Heartbeat("nope", 0, T0));
        Assert.Throws<StudyStoreException>(() => Store.TryFinishStale("s", 3, Stale(T0)));
    }

    [Fact]
    public void Of_many_workers_failing_one_stale_trial_at_once_exactly_one_succeeds()
    {
        Store.TryCreateStudy(Study());
        CreateTrial(draft: Leased());
        const int Workers = 6;

        var wins = new int[Workers];
        Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, worker =>
            wins[worker] = Store.TryFinishStale("s", 0, Stale(T0.AddSeconds(31 + worker))) is null ? 0 : 1);

        Assert.Equal(1, wins.Sum());
        Assert.Equal(1, Store.GetTrials("s")[0].FinishOrder);
    }
}
