using System.Globalization;
using GanTuner.Forecasting.Skill;
using GanTuner.Reporting.Text;
using GanTuner.Tuning.Comparison;
using Spectre.Console;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>What <c>compare</c> prints: the best value after each checkpoint, the tuners against each other and
/// against the GAN, and for the LSTM the best configurations' test errors beside the naive forecast's.</summary>
internal static class CompareTables
{
    public static Table BestAfter(ComparisonSummary summary, bool isLstm)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Tuner");
        foreach (var n in summary.Checkpoints)
        {
            table.AddColumn(new TableColumn(string.Create(CultureInfo.InvariantCulture, $"best after {n}")).RightAligned());
        }

        foreach (var tuner in summary.Tuners)
        {
            table.AddRow([Markup.Escape(tuner.Tuner), .. tuner.Checkpoints.Select(c => Quartiles(c.Best, isLstm ? NumberFormat.Value : Synthetic))]);
        }

        return table;
    }

    // The synthetic functions' values are of order 1: four decimals read best and line up.
    private static string Synthetic(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    public static string HeadToHeadNote(ComparisonSummary summary)
    {
        var note = "mean rank: 1 = lowest final best on a seed, ties share their mean rank; wins: share of seeds ending below "
            + (summary.Baseline ?? "the baseline") + ", a tie counting half";
        return summary.Reference is { } reference
            ? note + $"; {reference} lower: seeds on which {reference} ended below the tuner; Wilcoxon p: paired signed-rank test of {reference} against the tuner by seed, two-sided, equal pairs dropped (exact distribution up to 50 pairs)"
            : note;
    }

    public const string TestErrorsNote =
        "each run's best configuration (by the tuning objective) on the test split: median over seeds, [quartiles]; "
        + "naive: tomorrow = today on the same windows; U2: price RMSE ÷ naive RMSE; "
        + "AR U2: the AR(p) baseline's (ridge least squares on the training rows, p chosen on validation); "
        + "beats naive, beats AR: seeds whose best model has the lower RMSE and a Diebold–Mariano p below 0.05, or the lower RMSE where no p could be computed (as tune and trial say \"beats\")";

    public static Table HeadToHead(ComparisonSummary summary)
    {
        var reference = summary.Reference;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Tuner")
            .AddColumn(new TableColumn("mean rank").RightAligned())
            .AddColumn(new TableColumn(summary.Baseline is { } b ? $"wins vs {b}" : "wins").RightAligned());
        if (reference is not null)
        {
            table.AddColumn(new TableColumn($"{reference} lower").RightAligned())
                .AddColumn(new TableColumn("Wilcoxon p").RightAligned());
        }

        table.AddColumn(new TableColumn("trials").RightAligned()).AddColumn(new TableColumn("trial time").RightAligned());
        foreach (var tuner in summary.Tuners)
        {
            var cells = new List<string>
            {
                tuner.Tuner,
                tuner.MeanRank.ToString("F2", CultureInfo.InvariantCulture),
                tuner.WinRateVsBaseline is { } w ? (100 * w).ToString("F0", CultureInfo.InvariantCulture) + " %" : "—",
            };
            if (reference is not null)
            {
                cells.Add(tuner.ReferenceTest is null ? "—" : ReferenceLower(summary, tuner));
                cells.Add(tuner.ReferenceTest is { } test ? PValue(test) : "—");
            }

            cells.Add(tuner.Reused > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{tuner.Evaluated} ({tuner.Reused} reused)")
                : tuner.Evaluated.ToString(CultureInfo.InvariantCulture));
            cells.Add(Duration(tuner.TrialSeconds));
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        return table;
    }

    public static Table TestErrors(ComparisonSummary summary) => PerTuner(summary,
    [
        ("test MSE", t => Metric(t, "test_mse")),
        ("naive test MSE", t => Metric(t, "naive_test_mse")),
        ("test U2", t => Metric(t, "test_u2")),
        ("AR U2", t => Metric(t, "test_ar_u2")),
        ("beats naive", t => Beating(t, "test_u2", "test_dm_naive_p")),
        ("beats AR", t => Beating(t, "test_u2_ar", "test_dm_ar_p")),
    ]);

    public const string SkillNote =
        "test split, median over seeds, [quartiles]; MASE: MAE ÷ the naive forecast's in-sample MAE on the training windows "
        + "(Hyndman and Koehler 2006); dir. acc.: share of days whose direction of change was called right, PT p: one-sided "
        + "Pesaran–Timmermann p of the model's calls (persistence calls no change, so it has none); DM p: two-sided "
        + "Diebold–Mariano p with the Harvey–Leybourne–Newbold correction, squared errors, of the model against naive and against AR(p)";

    /// <summary>MASE, direction and the Diebold–Mariano tests of each tuner's best models beside the baselines'.</summary>
    public static Table Skill(ComparisonSummary summary)
    {
        var lags = summary.Tuners.SelectMany(t => t.Curves).Where(c => c.BestMetrics.ContainsKey("ar_lags"))
            .Select(c => (int)c.BestMetrics["ar_lags"]).Distinct().Order().ToList();
        var ar = lags.Count == 1 ? string.Create(CultureInfo.InvariantCulture, $"AR({lags[0]})") : "AR(p)";
        return PerTuner(summary,
        [
            ("MASE", t => Metric(t, "test_mase")),
            ("naive MASE", t => Metric(t, "naive_test_mase")),
            ($"{ar} MASE", t => Metric(t, "test_ar_mase")),
            ("dir. acc.", t => Metric(t, "test_da")),
            ($"{ar} dir. acc.", t => Metric(t, "test_ar_da")),
            ("PT p", t => Metric(t, "test_pt_p")),
            ("DM p vs naive", t => Metric(t, "test_dm_naive_p")),
            ($"DM p vs {ar}", t => Metric(t, "test_dm_ar_p")),
        ]);
    }

    // One row per tuner, one right-aligned column per (header, cell markup) pair.
    private static Table PerTuner(ComparisonSummary summary, IReadOnlyList<(string Header, Func<TunerSummary, string> Cell)> columns)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Tuner");
        foreach (var (header, _) in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        }

        foreach (var tuner in summary.Tuners)
        {
            table.AddRow([Markup.Escape(tuner.Tuner), .. columns.Select(c => c.Cell(tuner))]);
        }

        return table;
    }

    // How many seeds' best models beat the baseline by ForecastVerdict's rule (a run without the ratio is not counted).
    private static string Beating(TunerSummary tuner, string ratio, string pValue)
    {
        var runs = tuner.Curves.Where(c => c.BestMetrics.ContainsKey(ratio)).Select(c => c.BestMetrics).ToList();
        var wins = runs.Count(m => ForecastVerdict.Beats(m[ratio], m.GetValueOrDefault(pValue, double.NaN)));
        return runs.Count == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{wins} of {runs.Count}");
    }

    /// <summary>Seconds, minutes or hours, whichever reads best.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 120 => seconds.ToString("F1", CultureInfo.InvariantCulture) + " s",
        < 7200 => (seconds / 60).ToString("F1", CultureInfo.InvariantCulture) + " min",
        _ => (seconds / 3600).ToString("F2", CultureInfo.InvariantCulture) + " h",
    };

    public static string PValue(WilcoxonResult test) => string.Create(CultureInfo.InvariantCulture,
        $"{NumberFormat.Value(test.PValue)} ({(test.Method == WilcoxonMethod.Exact ? "exact" : "normal")}, n={test.NonZero})");

    private static string ReferenceLower(ComparisonSummary summary, TunerSummary tuner)
    {
        var reference = summary.Tuners.Single(t => t.Tuner == summary.Reference).Finals;
        var lower = reference.Zip(tuner.Finals, (r, t) => r < t).Count(x => x);
        return string.Create(CultureInfo.InvariantCulture, $"{lower} of {reference.Count}");
    }

    private static string Metric(TunerSummary tuner, string key) =>
        tuner.Metrics.TryGetValue(key, out var q) ? Quartiles(q, NumberFormat.Value) : "—";

    // Two lines per cell keep the table narrow.
    private static string Quartiles(QuantileSummary summary, Func<double, string> format) =>
        $"{Markup.Escape(format(summary.Median))}\n[grey][[{Markup.Escape(format(summary.LowerQuartile))}, {Markup.Escape(format(summary.UpperQuartile))}]][/]";
}
