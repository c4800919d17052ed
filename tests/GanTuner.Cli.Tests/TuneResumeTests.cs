using GanTuner.Storage;
using GanTuner.Tuning.Studies;

namespace GanTuner.Cli.Tests;

public sealed class TuneResumeTests : IDisposable
{
    private readonly TuneWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    private SqliteStudyStore Store() => new(_work.PathOf("gantuner.db"), createIfMissing: false);

    [Fact]
    public void Iterations_is_the_study_budget_so_a_second_run_adds_only_what_is_missing()
    {
        var first = _work.Run(TuneWorkspace.Tiny(2, 1, "--study", "r", "--no-report"));
        var second = _work.Run(TuneWorkspace.Tiny(4, 1, "--study", "r", "--no-report"));
        var straight = _work.Run(TuneWorkspace.Tiny(4, 1, "--study", "straight", "--no-report"));

        Assert.Equal(0, first.ExitCode);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("resuming: 2 of 4 iterations evaluated", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, straight.ExitCode);
        using var store = Store();
        var trials = store.GetTrials("r");
        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        var configurations = TuneCommandTests.Summary(trials).Select(s => s.Split(" -> ")[0]).ToList();
        Assert.Equal(4, configurations.Distinct().Count());
        // Resuming proposes exactly what one uninterrupted run proposes.
        Assert.Equal(TuneCommandTests.Summary(store.GetTrials("straight")), TuneCommandTests.Summary(trials));
    }

    [Fact]
    public void A_trial_left_running_is_recorded_as_interrupted_and_its_configuration_runs_first()
    {
        Assert.Equal(0, _work.Run(TuneWorkspace.Tiny(1, 1, "--study", "s", "--no-report")).ExitCode);
        using (var store = Store())
        {
            // A process that asked for a trial and died before telling its result.
            Study.Load(store, "s").Ask();
        }

        var (code, stdout, stderr) = _work.Run(TuneWorkspace.Tiny(2, 1, "--study", "s", "--no-report"));

        Assert.True(code == 0, stderr);
        Assert.Contains("1 trial(s) were left running by a stopped process", stdout, StringComparison.Ordinal);
        Assert.Contains("trial 3 (evaluation 2 of 2) (retry of interrupted trial 2)", stdout, StringComparison.Ordinal);
        using var after = Store();
        var trials = after.GetTrials("s");
        Assert.Equal(3, trials.Count);
        Assert.True(trials[1].IsInterrupted);
        Assert.Equal(1, trials[2].RetryOf);
        Assert.Equal(TrialState.Complete, trials[2].State);
        Assert.Equal(trials[1].Parameters, trials[2].Parameters);
    }

    [Fact]
    public void Ctrl_c_records_the_running_trial_as_interrupted_exits_130_and_the_next_run_retries_it_first()
    {
        using (var running = _work.StartHoldingTrial(0, TuneWorkspace.Tiny(1, 1, "--study", "c", "--no-report")))
        {
            // The hook holds trial 1 open until Ctrl+C, so the signal cannot arrive after the trial has ended.
            running.WaitForFile(_work.HeldTrialFile);
            running.Interrupt();
            var (code, _, stderr) = running.WaitForExit();

            Assert.Equal(130, code);
            Assert.StartsWith("gantuner: interrupted (trial 1 is recorded as interrupted and runs again first); 0 of 1 iterations evaluated", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        }

        using (var store = Store())
        {
            Assert.True(Assert.Single(store.GetTrials("c")).IsInterrupted);
        }

        var resumed = _work.Run(TuneWorkspace.Tiny(2, 1, "--study", "c", "--no-report"));

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        using var after = Store();
        var trials = after.GetTrials("c");
        Assert.Equal(3, trials.Count);
        Assert.Equal(0, trials[1].RetryOf);
        Assert.Equal(trials[0].Parameters, trials[1].Parameters);
        Assert.All(trials.Skip(1), t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void Kill_9_loses_no_finished_trial_and_the_next_run_recovers_the_one_that_was_running()
    {
        // A short heartbeat, so the next run need not wait long for the killed trial to go stale.
        using (var running = _work.StartHoldingTrial(1, TuneWorkspace.Tiny(2, 1, "--study", "k", "--no-report", "--heartbeat", "0.2")))
        {
            // Trial 1 runs to its end; the hook holds trial 2 open until the kill.
            running.WaitForFile(_work.HeldTrialFile);
            running.Kill();
            running.WaitForExit();
        }

        using (var store = Store())
        {
            var trials = store.GetTrials("k");
            Assert.Equal(2, trials.Count);
            Assert.Equal(TrialState.Complete, trials[0].State);
            Assert.Equal(TrialState.Running, trials[1].State);
        }

        var (code, _, stderr) = _work.Run(TuneWorkspace.Tiny(2, 1, "--study", "k", "--no-report", "--heartbeat", "0.2"));

        Assert.True(code == 0, stderr);
        using var after = Store();
        var recovered = after.GetTrials("k");
        Assert.Equal(3, recovered.Count);
        Assert.True(recovered[1].IsInterrupted);
        Assert.Equal(TrialAttributeKeys.StaleCause, recovered[1].Attributes[TrialAttributeKeys.InterruptedCause]);
        Assert.Equal(1, recovered[2].RetryOf);
        Assert.Equal(TrialState.Complete, recovered[2].State);
    }
}
