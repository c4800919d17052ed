using System.Text.Json;
using GanTuner.Reporting.Comparison;
using GanTuner.Tuning;
using GanTuner.Tuning.Comparison;

namespace GanTuner.Reporting.Tests.Comparison;

public sealed class ComparisonReportTests : IDisposable
{
    private static readonly string[] Tuners = ["gan", "random", "grid", "tpe", "ga", "gan-no-injection", "gan-no-diversity", "gan-no-feedback"];
    private readonly string _dir = Directory.CreateTempSubdirectory("gantuner-compare-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Eight tuners, five seeds, a budget of 12: decreasing best-so-far curves of MSE-like values spanning
    /// decades, with test metrics on the best trials, and one run that never completed a trial.</summary>
    private static ComparisonReportInput Input()
    {
        var plan = new ComparisonPlan("lstm-test", SearchSpace.Table1(), Tuners, 12, 5, 0, TunerOptions.Empty);
        var random = new Random(3);
        var tuners = Tuners.Select((tuner, t) => new TunerCurves(tuner, [.. Enumerable.Range(0, 5).Select(seed =>
        {
            if (tuner == "grid" && seed == 4)
            {
                return new BestSoFarCurve(seed, [.. Enumerable.Repeat(double.PositiveInfinity, 12)]);
            }

            var best = double.PositiveInfinity;
            var curve = Enumerable.Range(0, 12).Select(_ => best = Math.Min(best, Math.Pow(10, -1 - (3 * random.NextDouble())))).ToList();
            return new BestSoFarCurve(seed, curve)
            {
                TrialSeconds = 30 * (t + 1),
                Reused = tuner.StartsWith("gan-", StringComparison.Ordinal) ? 4 : 0,
                BestMetrics = new Dictionary<string, double> { ["test_mse"] = 2 * curve[^1], ["naive_test_mse"] = 1e-4, ["test_u2"] = 1.2 },
            };
        })])).ToList();
        var summary = ComparisonSummary.Of(new ComparisonResult(plan, tuners), ["test_mse", "naive_test_mse", "test_u2"]);
        return new ComparisonReportInput(summary, "the LSTM on test data (holdout)", "val_mse",
            [new("Data", "test data <b>not markup</b>"), new("Command", "gantuner compare --objective lstm")],
            new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Report_writes_the_page_two_valid_figures_and_the_summary_files()
    {
        var files = ComparisonReport.Write(Input(), _dir);

        Assert.Equal(Path.Combine(_dir, "compare.html"), files.Page);
        Assert.Equal(2, files.Figures.Count);
        foreach (var figure in files.Figures)
        {
            Png.AssertValid(File.ReadAllBytes(figure), Path.GetFileName(figure));
        }

        Assert.True(File.Exists(files.SummaryCsv) && File.Exists(files.RunsCsv) && File.Exists(files.SummaryJson));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Page_is_self_contained_and_escapes_what_it_is_given()
    {
        var html = File.ReadAllText(ComparisonReport.Write(Input(), _dir).Page);

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("data:image/png;base64,").Length - 1);
        Assert.Contains("test data &lt;b&gt;not markup&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.All(Tuners, tuner => Assert.Contains($"<td>{tuner}</td>", html, StringComparison.Ordinal));
        Assert.Contains("Wilcoxon signed-rank test", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-27 12:00 UTC", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_csv_has_a_row_per_tuner_with_the_checkpoints_the_test_and_the_metrics()
    {
        var lines = File.ReadAllLines(ComparisonReport.Write(Input(), _dir).SummaryCsv);
        var header = lines[0].Split(',');

        Assert.Equal(1 + Tuners.Length, lines.Length);
        Assert.Contains("best_after_5_median", header);
        Assert.Contains("best_after_12_q3", header);
        Assert.Contains("wilcoxon_p", header);
        Assert.Contains("win_rate_vs_random", header);
        Assert.Contains("test_u2_median", header);
        var gan = lines[1].Split(',');
        Assert.Equal("gan", gan[0]);
        Assert.Equal("", gan[Array.IndexOf(header, "wilcoxon_p")]);
        var random = lines[2].Split(',');
        Assert.InRange(double.Parse(random[Array.IndexOf(header, "wilcoxon_p")], System.Globalization.CultureInfo.InvariantCulture), 0, 1);
    }

    [Fact]
    public void Runs_csv_and_json_hold_every_run_with_nothing_found_as_empty_and_null()
    {
        var files = ComparisonReport.Write(Input(), _dir);
        var runs = File.ReadAllLines(files.RunsCsv);
        using var json = JsonDocument.Parse(File.ReadAllText(files.SummaryJson));

        Assert.Equal(1 + (Tuners.Length * 5), runs.Length);
        Assert.StartsWith("grid,4,12,,", runs.Single(r => r.StartsWith("grid,4,", StringComparison.Ordinal)), StringComparison.Ordinal);
        var tuners = json.RootElement.GetProperty("tuners");
        Assert.Equal(Tuners.Length, tuners.GetArrayLength());
        var grid = tuners[2];
        Assert.Equal(JsonValueKind.Null, grid.GetProperty("runs")[4].GetProperty("final_best").ValueKind);
        Assert.Equal(12, grid.GetProperty("runs")[0].GetProperty("best_so_far").GetArrayLength());
        Assert.Equal("exact", grid.GetProperty("wilcoxon_vs_reference").GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, tuners[0].GetProperty("wilcoxon_vs_reference").ValueKind);
    }
}
