using System.Text.Json;
using GanTuner.Storage;
using GanTuner.Storage.Tests;
using GanTuner.Tuning.Studies;

namespace GanTuner.Cli.Tests;

/// <summary>Several <c>gantuner</c> processes on one study, on SQLite and on PostgreSQL: the budget is exact,
/// no trial is evaluated twice, and a worker killed with -9 loses nothing (its trial goes stale and is retried).</summary>
public sealed class TuneWorkersTests : IDisposable
{
    private readonly TuneWorkspace _work = new();
    private readonly List<string> _schemas = [];

    public static TheoryData<string> Stores => ["sqlite", "postgres"];

    public void Dispose()
    {
        _work.Dispose();
        foreach (var url in _schemas)
        {
            PostgresServer.DropSchema(url);
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Tune_processes_on_one_study_hold_exactly_the_iterations_each_evaluated_once(string kind)
    {
        const int Processes = 3, Iterations = 9;
        var storage = Storage(kind);

        var workers = Enumerable.Range(0, Processes)
            .Select(_ => _work.Start(TuneWorkspace.Tiny(Iterations, 1, "--study", "many", "--storage", storage, "--workers", "2", "--no-report")))
            .ToList();
        var exits = workers.Select(w => w.WaitForExit()).ToList();
        workers.ForEach(w => w.Dispose());

        Assert.All(exits, e => Assert.True(e.ExitCode == 0, e.Stderr));
        using var store = Open(storage);
        var trials = store.GetTrials("many");
        Assert.Equal(Iterations, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials, t => Assert.NotNull(t.Worker));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void A_worker_killed_mid_trial_loses_nothing_its_trial_goes_stale_and_another_worker_retries_it(string kind)
    {
        const int Iterations = 6;
        var storage = Storage(kind);
        // The killed worker beats every 0.2 s, so its trial goes stale 0.6 s after the kill. The survivors beat
        // every 5 s: on a loaded machine a 0.2 s timer can lag past its own 0.6 s grace, and a live survivor's
        // trial would then be failed as stale by the other survivor.
        string[] Command(string heartbeat) => TuneWorkspace.Tiny(Iterations, 1, "--study", "k9", "--storage", storage, "--heartbeat", heartbeat, "--no-report");

        using (var doomed = _work.StartHoldingTrial(2, Command("0.2")))
        {
            // Two trials run to their end; the hook holds the third open until the kill.
            doomed.WaitForFile(_work.HeldTrialFile);
            doomed.Kill();
            doomed.WaitForExit();
        }

        var survivors = Enumerable.Range(0, 2).Select(_ => _work.Start(Command("5"))).ToList();
        var exits = survivors.Select(w => w.WaitForExit()).ToList();
        survivors.ForEach(w => w.Dispose());

        Assert.All(exits, e => Assert.True(e.ExitCode == 0, e.Stderr));
        using var store = Open(storage);
        var trials = store.GetTrials("k9");
        var killed = Assert.Single(trials, t => t.IsInterrupted);
        Assert.Equal(2, killed.Number);
        Assert.Equal(TrialAttributeKeys.StaleCause, killed.Attributes[TrialAttributeKeys.InterruptedCause]);
        var retry = Assert.Single(trials, t => t.RetryOf == killed.Number);
        Assert.Equal(killed.Point, retry.Point);
        Assert.Equal(Iterations, Study.Evaluated(trials)); // 0 lost
        Assert.Equal(Iterations + 1, trials.Count); // 0 duplicated: the killed trial and its one retry
        Assert.All(trials.Where(t => !t.IsInterrupted), t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Ask_and_tell_loops_at_once_get_distinct_trials_and_a_stale_ask_is_retried(string kind)
    {
        const int Loops = 3, Rounds = 3;
        var storage = Storage(kind);
        string[] Ask(params string[] more) => ["ask", "--study", "at", "--storage", storage, "--tuner", "random", .. more];

        var numbers = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, Loops, new ParallelOptions { MaxDegreeOfParallelism = Loops }, _ =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                var asked = _work.Run(Ask());
                Assert.True(asked.ExitCode == 0, asked.Stderr);
                var trial = JsonDocument.Parse(asked.Stdout).RootElement.GetProperty("trial").GetInt32();
                numbers.Add(trial);
                var told = _work.Run("tell", "--study", "at", "--storage", storage, "--trial", trial.ToString(System.Globalization.CultureInfo.InvariantCulture), "--value", "0.5");
                Assert.True(told.ExitCode == 0, told.Stderr);
            }
        });
        var lapsed = _work.Run(Ask("--heartbeat", "0.1"));
        var lapsedNumber = JsonDocument.Parse(lapsed.Stdout).RootElement.GetProperty("trial").GetInt32();
        using (var store = Open(storage))
        {
            // Wait on the store's own record, not on time: the next ask must find the trial stale.
            var guard = System.Diagnostics.Stopwatch.StartNew();
            while (!store.GetTrials("at")[lapsedNumber].IsStaleAt(DateTimeOffset.UtcNow))
            {
                Assert.True(guard.Elapsed < TimeSpan.FromSeconds(30), "the lapsed ask never went stale");
                Thread.Sleep(50);
            }
        }

        var retried = _work.Run(Ask());
        using var after = Open(storage);
        var trials = after.GetTrials("at");

        Assert.Equal(Loops * Rounds, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Loops * Rounds), numbers.Order());
        Assert.True(trials[lapsedNumber].IsInterrupted);
        var retry = trials[JsonDocument.Parse(retried.Stdout).RootElement.GetProperty("trial").GetInt32()];
        Assert.Equal(lapsedNumber, retry.RetryOf);
        Assert.Equal(trials[lapsedNumber].Point, retry.Point);
    }

    private string Storage(string kind)
    {
        if (kind == "sqlite")
        {
            return _work.PathOf("shared.db");
        }

        var url = PostgresServer.NewSchemaUrl("cli");
        _schemas.Add(url);
        return url;
    }

    private static DisposableStore Open(string storage) =>
        storage.StartsWith("postgresql://", StringComparison.Ordinal)
            ? new DisposableStore(new PostgresStudyStore(storage))
            : new DisposableStore(new SqliteStudyStore(storage, createIfMissing: false));

    private sealed class DisposableStore(IStudyStore store) : IDisposable
    {
        public IReadOnlyList<TrialRecord> GetTrials(string name) => store.GetTrials(name);

        public void Dispose() => (store as IDisposable)?.Dispose();
    }
}
