using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GanTuner.Export;
using GanTuner.Export.Optuna;
using GanTuner.Storage;
using GanTuner.Tuning;
using Microsoft.Data.Sqlite;

namespace GanTuner.Export.Tests;

public sealed class OptunaExportTests : IDisposable
{
    /// <summary>Debian's interpreter, where python3-optuna installs (scripts/test.sh installs it when missing).</summary>
    private const string Python = "/usr/bin/python3";

    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly SearchSpace Space = new(
    [
        new IntegerParameter("layers", 1, 5),
        new RealParameter("learning_rate", 1e-5, 0.1, log: true),
        new PowerOfTwoParameter("batch_size", 16, 256),
        new SteppedParameter("dropout", 0.1, 0.9, 0.1),
        new CategoricalParameter("cell", ["lstm", "gru"]),
    ]);

    private readonly string _folder = Directory.CreateTempSubdirectory("gantuner-export-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Optuna_loads_the_exported_study_with_the_same_trials_states_values_and_parameters()
    {
        using var store = new SqliteStudyStore(Path.Combine(_folder, "studies.db"));
        var trials = Seed(store);
        var output = Path.Combine(_folder, "optuna.db");

        var result = OptunaExporter.Export(store, "s", output);

        Assert.Equal(trials.Count, result.Trials);
        using var seen = LoadWithOptuna(output, "s");
        var root = seen.RootElement;
        Assert.Equal("3.1.0", root.GetProperty("optuna").GetString());
        Assert.Equal("MINIMIZE", root.GetProperty("direction").GetString());
        var best = trials.Where(t => t.State == TrialState.Complete).MinBy(t => t.Value)!;
        Assert.Equal(best.Value!.Value, root.GetProperty("best_value").GetDouble());
        Assert.Equal(best.Number, root.GetProperty("best_number").GetInt32());
        Assert.Equal("gan", root.GetProperty("user_attrs").GetProperty("gantuner.tuner").GetString());
        Assert.Equal("holdout", root.GetProperty("user_attrs").GetProperty("protocol").GetString());

        var optuna = root.GetProperty("trials").EnumerateArray().ToArray();
        Assert.Equal(trials.Count, optuna.Length);
        foreach (var (ours, theirs) in trials.Zip(optuna))
        {
            Assert.Equal(ours.Number, theirs.GetProperty("number").GetInt32());
            Assert.Equal(ours.State switch
            {
                TrialState.Complete => "COMPLETE",
                TrialState.Running => "RUNNING",
                TrialState.Pruned => "PRUNED",
                _ => "FAIL",
            }, theirs.GetProperty("state").GetString());
            if (ours.State == TrialState.Complete)
            {
                Assert.Equal(ours.Value!.Value, theirs.GetProperty("value").GetDouble());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, theirs.GetProperty("value").ValueKind);
            }

            var parameters = theirs.GetProperty("params");
            Assert.Equal(ours.Parameters["layers"].Number, parameters.GetProperty("layers").GetInt32());
            Assert.Equal(ours.Parameters["learning_rate"].Number, parameters.GetProperty("learning_rate").GetDouble());
            Assert.Equal(ours.Parameters["batch_size"].Number, parameters.GetProperty("batch_size").GetInt32());
            Assert.Equal(ours.Parameters["dropout"].Number!.Value, parameters.GetProperty("dropout").GetDouble(), 12);
            Assert.Equal(ours.Parameters["cell"].Text, parameters.GetProperty("cell").GetString());
            var kinds = theirs.GetProperty("distributions");
            Assert.Equal("IntDistribution", kinds.GetProperty("layers").GetString());
            Assert.Equal("FloatDistribution", kinds.GetProperty("learning_rate").GetString());
            Assert.Equal("CategoricalDistribution", kinds.GetProperty("batch_size").GetString());
            Assert.Equal("FloatDistribution", kinds.GetProperty("dropout").GetString());
            Assert.Equal("CategoricalDistribution", kinds.GetProperty("cell").GetString());
            foreach (var (key, value) in ours.Metrics)
            {
                Assert.Equal(value, theirs.GetProperty("user_attrs").GetProperty(key).GetDouble());
            }

            foreach (var (key, value) in ours.Attributes)
            {
                Assert.Equal(value, theirs.GetProperty("user_attrs").GetProperty(key).GetString());
            }
        }

        var pruned = trials.Single(t => t.State == TrialState.Pruned);
        Assert.Equal(pruned.Value!.Value, optuna[pruned.Number].GetProperty("intermediate").GetProperty("4").GetDouble());
    }

    [Fact]
    public void An_existing_output_file_is_refused_and_left_as_it_was()
    {
        using var store = new SqliteStudyStore(Path.Combine(_folder, "studies.db"));
        Seed(store);
        var output = Path.Combine(_folder, "taken.db");
        File.WriteAllText(output, "keep me");

        var error = Assert.Throws<ExportException>(() => OptunaExporter.Export(store, "s", output));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(output));
    }

    [Fact]
    public void An_unknown_study_is_a_clear_error_and_writes_nothing()
    {
        using var store = new SqliteStudyStore(Path.Combine(_folder, "studies.db"));
        var output = Path.Combine(_folder, "none.db");

        var error = Assert.Throws<ExportException>(() => OptunaExporter.Export(store, "nope", output));

        Assert.Contains("no study named 'nope'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(_folder), f => !f.Contains("studies.db", StringComparison.Ordinal));
    }

    /// <summary>A study with every kind of parameter and every state: 6 complete, one failed, one pruned, one running.</summary>
    private static List<TrialRecord> Seed(IStudyStore store)
    {
        store.TryCreateStudy(new StudyRecord("s", Space.ToJson(), "gan", "{}", 9, T0, new Dictionary<string, string> { ["protocol"] = "holdout" }));
        var random = new Random(4);
        for (var i = 0; i < 9; i++)
        {
            var point = Enumerable.Range(0, Space.Dimensions).Select(d => Space.Parameters[d].Snap(random.NextDouble())).ToArray();
            var decoded = Space.Decode(point);
            var parameters = decoded.Values.Select(p => new KeyValuePair<string, ParamValue>(p.Key,
                p.Value.Kind == ParameterValueKind.Text ? ParamValue.Of(p.Value.AsText()) : ParamValue.Of(p.Value.AsDouble())));
            var attributes = new Dictionary<string, string> { ["gan.injection"] = i % 3 == 0 ? "true" : "false" };
            var trial = store.TryCreateTrial("s", new TrialDraft(parameters, point, T0.AddMinutes(i), attributes), new StudyProgress(i, i == 8 ? 8 : i))!;
            var metrics = new Dictionary<string, double> { ["test_rmse"] = 0.1 * (i + 1), ["naive_test_rmse"] = 0.3 };
            var finished = T0.AddMinutes(i).AddSeconds(20);
            TrialCompletion? completion = i switch
            {
                2 => new TrialCompletion(TrialState.Failed, null, finished, attributes: new Dictionary<string, string> { [TrialAttributeKeys.FailReason] = "diverged" }),
                5 => new TrialCompletion(TrialState.Pruned, 0.9, finished, metrics, new Dictionary<string, string> { ["epoch"] = "4" }),
                8 => null,
                _ => new TrialCompletion(TrialState.Complete, 1.0 / (i + 1.5) + (i == 4 ? -0.5 : 0), finished, metrics),
            };
            if (completion is not null)
            {
                store.FinishTrial("s", trial.Number, completion);
            }
        }

        return [.. store.GetTrials("s")];
    }

    private static JsonDocument LoadWithOptuna(string database, string study)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Fixtures", "load_study.py"));
        start.ArgumentList.Add("sqlite:///" + database);
        start.ArgumentList.Add(study);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "python did not finish");
        Assert.True(process.ExitCode == 0, string.Create(CultureInfo.InvariantCulture, $"python exited {process.ExitCode}: {stderr.Result}"));
        return JsonDocument.Parse(stdout);
    }
}
