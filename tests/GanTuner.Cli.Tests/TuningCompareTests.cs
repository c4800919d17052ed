using GanTuner.Cli.Tests.Data;
using GanTuner.Storage;

namespace GanTuner.Cli.Tests;

public sealed class TuningCompareTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gantuner-cli-compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Compare_prints_median_and_quartiles_per_tuner_at_each_checkpoint()
    {
        var (code, stdout, stderr) = GanTunerProcess.Run(
            "compare", "--objective", "branin", "--tuners", "random,tpe", "--budget", "12", "--seeds", "4");

        Assert.True(code == 0, stderr);
        Assert.Contains("best after 10", stdout, StringComparison.Ordinal);
        Assert.Contains("best after 12", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("best after 20", stdout, StringComparison.Ordinal);
        Assert.Matches(@"random\s*│\s*-?\d+\.\d{4}\s*│", stdout);
        Assert.Matches(@"tpe\s*│\s*-?\d+\.\d{4}\s*│", stdout);
        Assert.Contains("branin (minimum 0.397887), 4 seeds from 0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_with_storage_keeps_each_run_as_a_study_and_resumes_without_new_trials()
    {
        var db = Path.Combine(_dir, "compare.db");
        string[] args = ["compare", "--objective", "hartmann6", "--tuners", "ga", "--budget", "8", "--seeds", "2", "--storage", db];

        var first = GanTunerProcess.Run(args);
        var again = GanTunerProcess.Run(args);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(first.Stdout, again.Stdout);
        using var store = new SqliteStudyStore(db, createIfMissing: false);
        Assert.Equal(["compare/hartmann6/ga/seed-0", "compare/hartmann6/ga/seed-1"], store.ListStudies().Select(s => s.Name));
        Assert.All(store.ListStudies(), s => Assert.Equal(8, store.GetTrials(s.Name).Count));
    }

    [Fact]
    public void Compare_refuses_an_unknown_objective_or_tuner()
    {
        var objective = GanTunerProcess.Run("compare", "--objective", "rosenbrock");
        var tuner = GanTunerProcess.Run("compare", "--tuners", "random,cmaes");

        Assert.Equal((2, "gantuner: unknown objective 'rosenbrock'; expected one of hartmann6, branin, lstm\n"), (objective.ExitCode, objective.Stderr));
        Assert.Equal(2, tuner.ExitCode);
        Assert.StartsWith("gantuner: unknown tuner 'cmaes'", tuner.Stderr, StringComparison.Ordinal);
    }
}
