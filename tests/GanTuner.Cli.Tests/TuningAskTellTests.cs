using System.Text.Json;
using GanTuner.Cli.Tests.Data;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;

namespace GanTuner.Cli.Tests;

public sealed class TuningAskTellTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gantuner-cli-tuning-").FullName;

    private string Db => Path.Combine(_dir, "runs.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Ask_creates_the_study_and_prints_the_trial_as_one_json_line()
    {
        var (code, stdout, stderr) = GanTunerProcess.Run("ask", "--study", "demo", "--storage", Db, "--seed", "3");

        Assert.True(code == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(Assert.Single(lines));
        Assert.Equal(0, json.RootElement.GetProperty("trial").GetInt32());
        var parameters = json.RootElement.GetProperty("params");
        Assert.Equal(["layers", "units", "learning_rate", "batch_size", "dropout", "sequence_length"],
            parameters.EnumerateObject().Select(p => p.Name));
        Assert.InRange(parameters.GetProperty("layers").GetInt32(), 1, 5);
        Assert.InRange(parameters.GetProperty("learning_rate").GetDouble(), 1e-5, 0.1);
    }

    [Fact]
    public void Driving_a_study_one_command_at_a_time_proposes_what_one_process_would()
    {
        var store = new InMemoryStudyStore();
        var study = Study.CreateOrLoad(store, "demo", SearchSpace.Table1(), "ga", 5, TunerOptions.Parse(["ga.population=3"]));
        string[][] script = [["ask"], ["ask"], ["tell", "0", "0.5"], ["ask"], ["tell", "2", "0.25"], ["fail", "1"], ["ask"], ["tell", "3", "0.125"], ["ask"]];
        var printed = new List<string>();

        foreach (var step in script)
        {
            string[] args = step[0] switch
            {
                "ask" => ["ask", "--study", "demo", "--storage", Db, "--tuner", "ga", "--seed", "5", "--option", "ga.population=3"],
                "tell" => ["tell", "--study", "demo", "--storage", Db, "--trial", step[1], "--value", step[2]],
                _ => ["tell", "--study", "demo", "--storage", Db, "--trial", step[1], "--failed", "--reason", "diverged"],
            };
            var (code, stdout, stderr) = GanTunerProcess.Run(args);
            Assert.True(code == 0, stderr);
            if (step[0] == "ask")
            {
                printed.Add(stdout.Trim());
                study.Ask();
            }
            else if (step[0] == "tell")
            {
                study.Tell(int.Parse(step[1], System.Globalization.CultureInfo.InvariantCulture), double.Parse(step[2], System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                study.Fail(int.Parse(step[1], System.Globalization.CultureInfo.InvariantCulture), "diverged");
            }
        }

        var expected = store.GetTrials("demo").Select(t => Describe(t.Number, study.Space.Decode([.. t.Point]).Values
            .Select(p => (p.Key, p.Value.AsDouble())))).ToList();
        Assert.Equal(expected, printed.Select(FromJson));
        using var file = new SqliteStudyStore(Db, createIfMissing: false);
        Assert.Equal(
            [TrialState.Complete, TrialState.Failed, TrialState.Complete, TrialState.Complete, TrialState.Running],
            file.GetTrials("demo").Select(t => t.State));
        Assert.Equal("diverged", file.GetTrials("demo")[1].Attributes[TrialAttributeKeys.FailReason]);
    }

    [Fact]
    public void Tell_prints_the_finished_trial_and_studies_lists_counts_and_the_best_value()
    {
        GanTunerProcess.Run("ask", "--study", "demo", "--storage", Db);
        GanTunerProcess.Run("ask", "--study", "demo", "--storage", Db);
        GanTunerProcess.Run("ask", "--study", "other", "--storage", Db, "--tuner", "random");

        var told = GanTunerProcess.Run("tell", "--study", "demo", "--storage", Db, "--trial", "1", "--value", "0.0123", "--metric", "test_mse=0.02");
        var (code, stdout, stderr) = GanTunerProcess.Run("studies", "--storage", Db);

        Assert.Equal((0, "{\"trial\":1,\"state\":\"complete\",\"value\":0.0123}\n"), (told.ExitCode, told.Stdout));
        Assert.True(code == 0, stderr);
        // Trials, complete, pruned, failed, running, best.
        Assert.Matches(@"demo\s*│\s*tpe\s*│\s*0\s*│\s*2\s*│\s*1\s*│\s*0\s*│\s*0\s*│\s*1\s*│\s*0\.0123 \(#1\)", stdout);
        Assert.Matches(@"other\s*│\s*random\s*│\s*0\s*│\s*1\s*│\s*0\s*│\s*0\s*│\s*0\s*│\s*1\s*│\s*-", stdout);
    }

    [Fact]
    public void Mistakes_exit_2_with_one_line_and_leave_the_study_unchanged()
    {
        GanTunerProcess.Run("ask", "--study", "demo", "--storage", Db);
        GanTunerProcess.Run("tell", "--study", "demo", "--storage", Db, "--trial", "0", "--value", "1");

        string[][] mistakes =
        [
            ["tell", "--study", "demo", "--storage", Db, "--trial", "0", "--value", "2"],
            ["tell", "--study", "demo", "--storage", Db, "--trial", "9", "--value", "2"],
            ["tell", "--study", "demo", "--storage", Db, "--trial", "0"],
            ["tell", "--study", "nobody", "--storage", Db, "--trial", "0", "--value", "2"],
            ["ask", "--study", "demo", "--storage", Db, "--tuner", "ga"],
            ["ask", "--study", "demo", "--storage", Db, "--tuner", "bayes"],
            ["studies", "--storage", Path.Combine(_dir, "missing.db")],
            ["tell", "--study", "demo", "--storage", Db, "--trial", "0", "--value", "2", "--metric", "a=1", "--metric", "a=2"],
            ["tell", "--study", "demo", "--storage", Db, "--trial", "0", "--failed", "--reason", " "],
            ["ask", "--study", "demo", "--storage", Db, "--seed", "99999999999"],
            ["ask", "--study", "demo", "--storage", Db, "--option", "grid.points=4"],
        ];
        string[] expected =
        [
            "gantuner: trial 0 of study 'demo' is already complete\n",
            "gantuner: study 'demo' has no trial 9\n",
            "gantuner: give exactly one of --value V and --failed\n",
            "gantuner: no study named 'nobody'\n",
            "gantuner: study 'demo' already exists with tuner 'tpe', not 'ga'; use another --study name or the stored settings\n",
            $"gantuner: unknown tuner 'bayes'; expected one of {string.Join(", ", TunerFactory.Names)}\n",
            $"gantuner: storage file '{Path.Combine(_dir, "missing.db")}' does not exist\n",
            "gantuner: --metric 'a' is given more than once\n",
            "gantuner: --reason needs some text (or leave it out)\n",
            "gantuner: Failed to convert '99999999999' to Int32.\n",
            "gantuner: tuner option 'grid.points' is not a tpe option; its options start with 'tpe.'\n",
        ];

        var results = mistakes.Select(args => GanTunerProcess.Run(args)).ToList();

        Assert.All(results, r => Assert.Equal((2, string.Empty), (r.ExitCode, r.Stdout)));
        Assert.Equal(expected, results.Select(r => r.Stderr));
        using var file = new SqliteStudyStore(Db, createIfMissing: false);
        Assert.Equal(1.0, Assert.Single(file.GetTrials("demo")).Value);
    }

    [Fact]
    public void A_bad_space_file_or_option_creates_no_storage_file()
    {
        var space = Path.Combine(_dir, "space.json");
        File.WriteAllText(space, """{"parameters":[{"name":"lr","kind":"real","low":0,"high":0.1,"log":true}]}""");

        var badSpace = GanTunerProcess.Run("ask", "--study", "demo", "--storage", Db, "--space", space);
        var badOption = GanTunerProcess.Run("ask", "--study", "demo", "--storage", Db, "--option", "tpe.startp=3");

        Assert.Equal((2, $"gantuner: search space '{space}': parameter 'lr': a log range must lie above zero (low = 0)\n"), (badSpace.ExitCode, badSpace.Stderr));
        Assert.Equal(2, badOption.ExitCode);
        Assert.StartsWith("gantuner: unknown tuner option 'tpe.startp'", badOption.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    private static string Describe(int trial, IEnumerable<(string Name, double Value)> parameters) =>
        $"{trial}: {string.Join(", ", parameters.Select(p => $"{p.Name}={p.Value:R}"))}";

    private static string FromJson(string line)
    {
        using var json = JsonDocument.Parse(line);
        return Describe(json.RootElement.GetProperty("trial").GetInt32(),
            json.RootElement.GetProperty("params").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())));
    }
}
