using System.Collections.Concurrent;
using GanTuner.Storage;
using GanTuner.Storage.Tests;
using GanTuner.Tuning.Studies;
using Microsoft.Extensions.Time.Testing;

namespace GanTuner.Tuning.Tests;

/// <summary>Many workers on one study: threads of one runner, and runners with stores of their own (as
/// separate processes have), on every store; heartbeats and stale trials on an injected clock.</summary>
public sealed class StudyWorkerTests : IDisposable
{
    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("gantuner-workers-").FullName;
    private readonly List<string> _schemas = [];

    public static TheoryData<string> Stores => ["memory", "sqlite", "postgres"];

    private static SearchSpace Space { get; } = new([new RealParameter("x", 0, 1), new RealParameter("y", 0, 1)]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        foreach (var url in _schemas)
        {
            PostgresServer.DropSchema(url);
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Runners_sharing_a_study_evaluate_exactly_the_budget_each_trial_once(string kind)
    {
        const int Budget = 24, Runners = 3, WorkersEach = 2;
        var open = Opener(kind);
        var evaluations = new ConcurrentBag<(int Number, string Point)>();
        using (var first = open())
        {
            Open(first.Store);
        }

        // Each runner has stores of its own, as separate processes would.
        Parallel.For(0, Runners, new ParallelOptions { MaxDegreeOfParallelism = Runners }, runner =>
        {
            using var store = open();
            StudyRunner.Optimize(Open(store.Store), (trial, _) =>
            {
                evaluations.Add((trial.Number, Key(trial.Trial.Point)));
                return TrialOutcome.Success(trial.Parameters.GetDouble("x"));
            }, Budget, new StudyRunnerOptions(Workers: WorkersEach, WorkerName: $"runner-{runner}"));
        });
        using var reader = open();
        var trials = reader.Store.GetTrials("s");

        Assert.Equal(Budget, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(Budget, evaluations.Count);
        Assert.Equal(Budget, evaluations.Select(e => e.Number).Distinct().Count());
        Assert.Equal(Budget, evaluations.Select(e => e.Point).Distinct().Count());
        Assert.All(trials, t => Assert.StartsWith("runner-", t.Worker, StringComparison.Ordinal));
    }

    [Fact]
    public void Workers_of_one_runner_run_trials_at_once_with_a_share_of_the_threads()
    {
        const int Workers = 4;
        using var allStarted = new CountdownEvent(Workers);
        var threads = new ConcurrentBag<int>();
        var store = new InMemoryStudyStore();

        StudyRunner.Optimize(Open(store), (trial, _) =>
        {
            threads.Add(trial.Threads);
            if (trial.Number < Workers)
            {
                // The first four trials finish only once all four have started: they overlap, or this times out.
                allStarted.Signal();
                Assert.True(allStarted.Wait(Guard, CancellationToken.None));
            }

            return TrialOutcome.Success(trial.Parameters.GetDouble("y"));
        }, 10, new StudyRunnerOptions(Workers: Workers, Threads: 8));

        Assert.Equal(10, store.GetTrials("s").Count(t => t.State == TrialState.Complete));
        Assert.All(threads, t => Assert.Equal(2, t));
    }

    [Fact]
    public void A_trial_whose_worker_died_is_failed_as_stale_after_the_grace_period_and_retried_first()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new InMemoryStudyStore();
        var dead = Open(store, clock).TryAsk(new AskOptions("dead:1", Beat * 3, 6))!; // and never beats again
        var live = Open(store, clock);
        var points = new List<string>();

        clock.Advance(Beat * 3);
        Assert.Empty(live.FailStale()); // exactly at the grace period: still alive
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = StudyRunner.Optimize(live, (trial, _) =>
        {
            points.Add(Key(trial.Trial.Point));
            return TrialOutcome.Success(1);
        }, 6, new StudyRunnerOptions(Clock: clock, WorkerName: "live"));
        var trials = store.GetTrials("s");

        Assert.True(trials[0].IsInterrupted);
        Assert.Equal(TrialAttributeKeys.StaleCause, trials[0].Attributes[TrialAttributeKeys.InterruptedCause]);
        Assert.Equal(0, trials[1].RetryOf);
        Assert.Equal(Key(dead.Point), points[0]);
        Assert.Equal(6, Study.Evaluated(trials));
        Assert.Equal(6, points.Distinct().Count());
        Assert.Equal(6, result.Finished.Count);
    }

    [Fact]
    public void A_live_trial_of_another_worker_is_never_touched_and_holds_its_slot_of_the_budget()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new InMemoryStudyStore();
        var other = Open(store, clock);
        var mine = Open(store, clock);
        var held = other.TryAsk(new AskOptions("other", Beat * 3, 2))!;

        for (var minute = 0; minute < 10; minute++)
        {
            clock.Advance(Beat);
            Assert.True(other.Heartbeat(held.Number));
            Assert.Empty(mine.FailStale());
        }

        var second = mine.TryAsk(new AskOptions("mine", Beat * 3, 2));
        var third = mine.TryAsk(new AskOptions("mine", Beat * 3, 2));

        Assert.NotNull(second);
        Assert.Null(third); // the budget of 2 is claimed by the live trial and the second
        Assert.Equal(TrialState.Running, store.GetTrials("s")[held.Number].State);
    }

    [Fact]
    public async Task A_stalled_worker_whose_trial_was_failed_as_stale_abandons_it_and_the_retry_counts()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new InMemoryStudyStore();
        var stalled = Open(store, clock);
        using var started = new ManualResetEventSlim();
        using var failed = new ManualResetEventSlim();
        var tokenCancelled = false;

        var run = Task.Run(() => StudyRunner.Optimize(stalled, (trial, token) =>
        {
            if (trial.Number == 0)
            {
                started.Set();
                Assert.True(failed.Wait(Guard, CancellationToken.None));
                clock.Advance(Beat); // its next heartbeat finds the trial failed: the token is cancelled
                tokenCancelled = token.IsCancellationRequested;
                token.ThrowIfCancellationRequested();
            }

            return TrialOutcome.Success(2);
        }, 3, new StudyRunnerOptions(Clock: clock, WorkerName: "stalled")));
        Assert.True(started.Wait(Guard));
        // Another worker judges the trial 31 s after its start, as if this worker had stalled that long.
        var stale = new TrialCompletion(TrialState.Failed, null, clock.GetUtcNow().AddSeconds(31), null,
            [new(TrialAttributeKeys.FailReason, TrialAttributeKeys.InterruptedReason)]);
        Assert.NotNull(store.TryFinishStale("s", 0, stale));
        failed.Set();
        var result = await run.WaitAsync(Guard);
        var trials = store.GetTrials("s");

        Assert.True(tokenCancelled);
        Assert.True(trials[0].IsInterrupted);
        Assert.Equal(0, trials[1].RetryOf);
        Assert.Equal(3, Study.Evaluated(trials));
        Assert.Equal(3, result.Finished.Count);
    }

    [Fact]
    public void Cancelling_records_every_running_trial_as_interrupted()
    {
        using var cancel = new CancellationTokenSource();
        using var bothStarted = new CountdownEvent(2);
        var store = new InMemoryStudyStore();

        Assert.ThrowsAny<OperationCanceledException>(() => StudyRunner.Optimize(Open(store), (trial, token) =>
        {
            if (bothStarted.Signal())
            {
                cancel.Cancel();
            }

            Assert.True(token.WaitHandle.WaitOne(Guard));
            token.ThrowIfCancellationRequested();
            return TrialOutcome.Success(0);
        }, 10, new StudyRunnerOptions(Workers: 2), cancellationToken: cancel.Token));
        var trials = store.GetTrials("s");

        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.True(t.IsInterrupted));
    }

    [Fact]
    public void An_ask_without_a_heartbeat_never_goes_stale_and_an_ask_with_one_does()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new InMemoryStudyStore();
        var study = Open(store, clock);
        var plain = study.TryAsk(new AskOptions("ask"))!;
        var leased = study.TryAsk(new AskOptions("ask", TimeSpan.FromMinutes(5)))!;

        clock.Advance(TimeSpan.FromDays(30));
        var failed = study.FailStale();

        Assert.Equal([leased.Number], failed.Select(t => t.Number));
        Assert.Equal(TrialState.Running, store.GetTrials("s")[plain.Number].State);
    }

    private static string Key(IReadOnlyList<double> point) =>
        string.Join(",", point.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private static Study Open(IStudyStore store, TimeProvider? clock = null) =>
        Study.CreateOrLoad(store, "s", Space, "random", 3, TunerContractTests.Fast, clock: clock);

    /// <summary>Opens the store again for each user, as a new process would (the in-memory one is shared).</summary>
    private Func<Opened> Opener(string kind)
    {
        switch (kind)
        {
            case "memory":
                var shared = new InMemoryStudyStore();
                return () => new Opened(shared, null);
            case "sqlite":
                var path = Path.Combine(_folder, "studies.db");
                return () => Opened.Own(new SqliteStudyStore(path));
            default:
                var url = PostgresServer.NewSchemaUrl("workers");
                _schemas.Add(url);
                return () => Opened.Own(new PostgresStudyStore(url));
        }
    }

    private sealed record Opened(IStudyStore Store, IDisposable? Lifetime) : IDisposable
    {
        public static Opened Own<T>(T store)
            where T : IStudyStore, IDisposable => new(store, store);

        public void Dispose() => Lifetime?.Dispose();
    }
}
