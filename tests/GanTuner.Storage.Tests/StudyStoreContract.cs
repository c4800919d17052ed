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
}
