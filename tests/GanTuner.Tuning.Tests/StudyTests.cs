using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;

namespace GanTuner.Tuning.Tests;

public sealed class StudyTests
{
    public static TheoryData<string> Tuners => ["random", "grid", "tpe", "tpe-univariate", "ga", "gp", "gan"];

    // gp and gan replay without Asks, so their model phase must be reached within these tests' few trials.
    private static readonly TunerOptions Fast = TunerOptions.Parse(["tpe.startup=4", "ga.population=4", "grid.points=4", "gp.startup=4",
        "gan.startup=4", "gan.discriminator_steps=20", "gan.generator_steps=5"]);

    private static double Objective(ParameterSet p) =>
        Math.Pow(p.GetInt32("layers") - 2, 2) + Math.Log10(p.GetDouble("learning_rate") / 1e-3) * Math.Log10(p.GetDouble("learning_rate") / 1e-3)
        + Math.Abs(p.GetDouble("dropout") - 0.2) + (Math.Abs(p.GetInt32("units") - 30) / 50.0);

    private static TrialOutcome Evaluate(ParameterSet p, CancellationToken token) => TrialOutcome.Success(Objective(p));

    private static Study Open(IStudyStore store, string tuner = "tpe", string name = "s") =>
        Study.CreateOrLoad(store, name, SearchSpace.Table1(), tuner, 11, Fast);

    private static List<string> Configurations(IStudyStore store, string name = "s") =>
        [.. store.GetTrials(name).Select(t => string.Join(",", t.Point.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))];

    [Fact]
    public void Ask_and_tell_record_trials_and_the_best_one()
    {
        var store = new InMemoryStudyStore();
        var study = Open(store);

        var first = study.Ask();
        var second = study.Ask();
        study.Tell(second.Number, 0.5, new Dictionary<string, double> { ["test_mse"] = 0.01 });
        study.Tell(first.Number, 0.7);

        Assert.Equal([0, 1], new[] { first.Number, second.Number });
        Assert.Equal(1, study.Best!.Number);
        Assert.Equal(0.01, study.Best.Metrics["test_mse"]);
        Assert.Equal(first.Parameters.Key, SearchSpace.Table1().Decode([.. store.GetTrials("s")[0].Point]).Key);
        Assert.Equal(first.Parameters.GetInt32("layers"), store.GetTrials("s")[0].Parameters["layers"].Number);
    }

    [Theory]
    [InlineData("gp")]
    [InlineData("gan")]
    public void A_new_process_proposes_what_a_live_worker_does_while_another_workers_trial_runs(string tuner)
    {
        // Worker a asks x; worker b asks y while x runs; x finishes, the best so far; a asks w while y runs. w was
        // proposed with y pending: a replay that asked again for w, at a point where y is not yet asked, would
        // remember as running a point that no one runs (x is told as the best, so that point differs from y).
        static double[] Next(string tuner, bool live)
        {
            var store = new InMemoryStudyStore();
            var (a, b) = (Open(store, tuner), Open(store, tuner));
            for (var i = 0; i < 11; i++)
            {
                var startup = a.Ask();
                a.Tell(startup.Number, Objective(startup.Parameters));
            }

            var x = a.Ask();
            b.Ask();
            a.Tell(x.Number, -1.0);
            a.Ask();
            return [.. (live ? a : Open(store, tuner)).Ask().Point];
        }

        Assert.Equal(Next(tuner, live: true), Next(tuner, live: false));
    }

    [Theory]
    [MemberData(nameof(Tuners))]
    public void A_study_reopened_midway_proposes_what_an_uninterrupted_one_would(string tuner)
    {
        var uninterrupted = new InMemoryStudyStore();
        StudyRunner.Optimize(Open(uninterrupted, tuner), Evaluate, 16);
        var resumed = new InMemoryStudyStore();

        StudyRunner.Optimize(Open(resumed, tuner), Evaluate, 8);
        StudyRunner.Optimize(Open(resumed, tuner), Evaluate, 16);

        Assert.Equal(Configurations(uninterrupted), Configurations(resumed));
    }

    [Theory]
    [MemberData(nameof(Tuners))]
    public void Ask_and_tell_one_command_at_a_time_proposes_what_one_process_would(string tuner)
    {
        // Overlapping trials, as a user driving the study from the command line may leave them.
        string[] script = ["ask", "ask", "tell 0", "ask", "tell 2", "ask", "tell 1", "fail 3", "ask", "ask", "ask", "tell 6", "tell 4", "ask", "tell 5"];
        var live = new InMemoryStudyStore();
        var liveStudy = Open(live, tuner);
        var commands = new InMemoryStudyStore();
        Open(commands, tuner);

        foreach (var step in script.Concat(Enumerable.Repeat("ask", 3)))
        {
            Apply(liveStudy, step);
            Apply(Study.Load(commands, "s"), step);
        }

        Assert.Equal(Configurations(live), Configurations(commands));
        Assert.Equal(Enumerable.Repeat(TrialState.Running, 4), live.GetTrials("s").TakeLast(4).Select(t => t.State));
    }

    [Fact]
    public void A_trial_left_running_by_a_killed_process_is_evaluated_again_first_and_nothing_else_is_repeated()
    {
        var folder = Directory.CreateTempSubdirectory("gantuner-study-").FullName;
        try
        {
            var path = Path.Combine(folder, "studies.db");
            var calls = new List<string>();
            TrialOutcome Counting(ParameterSet p, CancellationToken token)
            {
                calls.Add(p.Key);
                return Evaluate(p, token);
            }

            using (var store = new SqliteStudyStore(path))
            {
                var study = Open(store, "ga");
                StudyRunner.Optimize(study, Counting, 5);
                study.Ask(); // trial 5 starts; the process is then killed
            }

            using (var reopened = new SqliteStudyStore(path, createIfMissing: false))
            {
                var result = StudyRunner.Optimize(Open(reopened, "ga"), Counting, 10);
                var trials = reopened.GetTrials("s");

                Assert.Equal([5], result.Interrupted.Select(t => t.Number));
                Assert.True(trials[5].IsInterrupted);
                Assert.Equal(5, trials[6].RetryOf);
                Assert.Equal(trials[5].Point, trials[6].Point);
                Assert.Equal(10, calls.Count);
                Assert.Equal(10, calls.Distinct().Count());
                Assert.Equal(10, trials.Count(t => t.State == TrialState.Complete));

                var uninterrupted = new InMemoryStudyStore();
                StudyRunner.Optimize(Open(uninterrupted, "ga"), Evaluate, 10);
                var evaluated = trials.Where(t => !t.IsInterrupted).Select(t => t.Point);
                Assert.Equal(uninterrupted.GetTrials("s").Select(t => t.Point), evaluated);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Failures_count_as_evaluations_and_exceptions_fail_the_trial_and_propagate()
    {
        var store = new InMemoryStudyStore();
        var study = Open(store, "random");

        StudyRunner.Optimize(study, (p, _) => p.GetInt32("layers") > 3 ? TrialOutcome.Failure("too deep") : Evaluate(p, default), 6);
        var error = Assert.Throws<InvalidOperationException>(() =>
            StudyRunner.Optimize(study, (_, _) => throw new InvalidOperationException("out of memory"), 8));
        var trials = store.GetTrials("s");

        Assert.Equal(7, trials.Count);
        Assert.Contains(trials.Take(6), t => t.State == TrialState.Failed);
        Assert.All(trials.Take(6).Where(t => t.State == TrialState.Failed),
            t => Assert.Equal("too deep", t.Attributes[TrialAttributeKeys.FailReason]));
        Assert.Equal("out of memory", trials[^1].Attributes[TrialAttributeKeys.FailReason]);
        Assert.Equal("out of memory", error.Message);
    }

    [Fact]
    public void A_cancelled_trial_is_marked_interrupted_and_retried_by_the_next_run()
    {
        var store = new InMemoryStudyStore();
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => StudyRunner.Optimize(Open(store), (p, token) =>
        {
            cancellation.Cancel();
            token.ThrowIfCancellationRequested();
            return Evaluate(p, token);
        }, 3, cancellationToken: cancellation.Token));
        StudyRunner.Optimize(Open(store), Evaluate, 3);
        var trials = store.GetTrials("s");

        Assert.True(trials[0].IsInterrupted);
        Assert.Equal(0, trials[1].RetryOf);
        Assert.Equal(4, trials.Count);
    }

    [Fact]
    public void A_value_that_is_not_finite_fails_the_trial()
    {
        var study = Open(new InMemoryStudyStore());
        var trial = study.Ask();

        var record = study.Tell(trial.Number, double.NaN);

        Assert.Equal(TrialState.Failed, record.State);
        Assert.Equal("the objective returned NaN", record.Attributes[TrialAttributeKeys.FailReason]);
        Assert.Throws<StudyStoreException>(() => study.Tell(trial.Number, 1));
    }

    [Fact]
    public void Reopening_a_study_with_another_definition_is_refused()
    {
        var store = new InMemoryStudyStore();
        Open(store, "tpe");

        var error = Assert.Throws<StudyException>(() => Study.CreateOrLoad(store, "s", SearchSpace.Table1(), "ga", 12, Fast));

        Assert.Equal("study 's' already exists with tuner 'tpe', not 'ga', seed 11, not 12; use another --study name or the stored settings", error.Message);
        Assert.Throws<StudyException>(() => Study.Load(store, "other"));
    }

    [Fact]
    public void Two_processes_asking_at_once_get_distinct_trials_and_a_consistent_history()
    {
        var store = new InMemoryStudyStore();
        var first = Open(store, "ga");
        var second = Study.Load(store, "s");

        var a = first.Ask();
        var b = second.Ask(); // built before trial 0 existed: must notice, rebuild and ask again
        first.Tell(a.Number, 1);
        second.Tell(b.Number, 2);
        var single = new InMemoryStudyStore();
        var one = Open(single, "ga");
        var c = one.Ask();
        var d = one.Ask();

        Assert.Equal([0, 1], new[] { a.Number, b.Number });
        Assert.Equal(new[] { c.Point, d.Point }, new[] { a.Point, b.Point });
    }

    private static void Apply(Study study, string step)
    {
        var parts = step.Split(' ');
        if (parts[0] == "ask")
        {
            study.Ask();
            return;
        }

        var number = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var parameters = SearchSpace.Table1().Decode([.. study.Trials[number].Point]);
        if (parts[0] == "tell")
        {
            study.Tell(number, Objective(parameters));
        }
        else
        {
            study.Fail(number, "diverged");
        }
    }
}
