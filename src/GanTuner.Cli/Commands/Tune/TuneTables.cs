using System.Globalization;
using GanTuner.Forecasting;
using GanTuner.Forecasting.Skill;
using GanTuner.Reporting.Text;
using GanTuner.Storage;
using GanTuner.Studies.Tune;
using Spectre.Console;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>What <c>tune</c> prints at the end: the paper's Appendix B for the study, and the best
/// configuration's errors beside the naive persistence forecast's.</summary>
internal static class TuneTables
{
    private static readonly (string Header, string Name)[] Columns =
    [
        ("Layers", LstmParameters.Layers), ("Units", LstmParameters.Units), ("Learning rate", LstmParameters.LearningRate),
        ("Batch", LstmParameters.BatchSize), ("Sequence", LstmParameters.SequenceLength), ("Dropout", LstmParameters.Dropout),
    ];

    /// <summary>Every evaluated trial (interrupted ones were evaluated again by their retry), the best row marked.</summary>
    public static Table AppendixB(IReadOnlyList<TrialRecord> trials, TrialRecord? best, ObjectiveMeasure objective)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Appendix B: this study's results over iterations")
            .AddColumn(new TableColumn("Iteration").RightAligned());
        foreach (var (header, _) in Columns)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.AddColumn(new TableColumn($"{objective.Quantity} ({objective.Name})").RightAligned())
            .AddColumn(new TableColumn("Seconds").RightAligned())
            .AddColumn("Notes");
        foreach (var trial in trials.Where(t => !t.IsInterrupted))
        {
            var isBest = best is not null && trial.Number == best.Number;
            var cells = new List<string> { TrialRow.Iteration(trial) };
            cells.AddRange(Columns.Select(c => trial.Parameters.TryGetValue(c.Name, out var v) && v.Number is { } n ? NumberFormat.Parameter(n) : "-"));
            cells.Add(trial.Value is { } value ? NumberFormat.Value(value) : "-");
            cells.Add(trial.Duration is { } d ? d.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) : "-");
            cells.Add(TrialRow.Notes(trial, isBest));
            var style = isBest ? "bold green" : trial.State == TrialState.Complete ? null : "red";
            table.AddRow([.. cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Markup(Markup.Escape(c), style is null ? null : Style.Parse(style)))]);
        }

        return table;
    }

    /// <summary>Walk-forward: the best trial's validation MSE and kept epoch fold by fold; null for the other protocols.</summary>
    public static Table? Folds(TrialRecord best)
    {
        var folds = FoldFigures.Read(best.Metrics);
        return folds.Count == 0 ? null : FoldsTable.Of(folds, "its walk-forward folds (validation above: their mean; test: the last fold's model)");
    }

    /// <summary>The best trial's errors on the objective and test splits, model beside the naive forecast.</summary>
    public static Table Best(TrialRecord best, bool objectiveIsTest)
    {
        string[] splits = objectiveIsTest ? ["test"] : ["val", "test"];
        var table = new Table().Border(TableBorder.Rounded)
            .Title("best configuration beside the naive forecast (tomorrow = today)")
            .AddColumn("Metric");
        foreach (var split in splits)
        {
            var name = split == "val" ? "validation" : "test";
            table.AddColumn(new TableColumn($"{name} model").RightAligned()).AddColumn(new TableColumn($"{name} naive").RightAligned());
        }

        (string Label, string Metric)[] rows =
        [
            ("MSE (scaled)", "mse"), ("RMSE (price)", "rmse_price"), ("MAE (price)", "mae_price"), ("MAPE % (price)", "mape_price"), ("R² (price)", "r2_price"),
        ];
        foreach (var (label, metric) in rows)
        {
            var cells = new List<string> { label };
            foreach (var split in splits)
            {
                cells.Add(Metric(best, $"{split}_{metric}"));
                cells.Add(Metric(best, $"naive_{split}_{metric}"));
            }

            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        var u2 = new List<string> { "Theil's U2" };
        foreach (var split in splits)
        {
            u2.Add(Metric(best, $"{split}_u2"));
            u2.Add("1");
        }

        table.AddRow([.. u2.Select(Markup.Escape)]);
        // Beside naive, the linear AR(p) baseline and the tests of skill (model column; the naive column holds
        // the baseline's own figure where one exists).
        (string Label, string Model, string? Naive)[] skill =
        [
            ("AR(p) RMSE (price) · lags", "ar_rmse_price", null), ("AR(p) U2", "ar_u2", null), ("model RMSE ÷ AR(p) RMSE", "u2_ar", null),
            ("MASE", "mase", "mase"), ("direction hit rate", "da", null), ("Pesaran–Timmermann p", "pt_p", null),
            ("Diebold–Mariano p vs naive", "dm_naive_p", null), ("Diebold–Mariano p vs AR(p)", "dm_ar_p", null),
        ];
        foreach (var (label, model, naive) in skill)
        {
            var cells = new List<string> { label };
            foreach (var split in splits)
            {
                var value = Metric(best, $"{split}_{model}");
                cells.Add(model == "ar_rmse_price" && value != "-" ? $"{value} · {Metric(best, "ar_lags")}" : value);
                cells.Add(naive is null ? "-" : Metric(best, $"naive_{split}_{naive}"));
            }

            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        return table;
    }

    /// <summary>One line per split saying whether the best model beats the naive forecast.</summary>
    public static IEnumerable<string> Verdicts(TrialRecord best, bool objectiveIsTest)
    {
        foreach (var split in objectiveIsTest ? ["test"] : new[] { "val", "test" })
        {
            if (best.Metrics.TryGetValue($"{split}_u2", out var u2) && double.IsFinite(u2))
            {
                var name = split == "val" ? "validation" : "test";
                var naiveP = best.Metrics.TryGetValue($"{split}_dm_naive_p", out var np) ? np : double.NaN;
                yield return $"{name}: U2 = {NumberFormat.Value(u2)} (price RMSE ÷ naive RMSE): the best model {Colour(u2, naiveP)} tomorrow = today{Markup.Escape(ForecastVerdict.PValueClause(naiveP))}";
                if (best.Metrics.TryGetValue($"{split}_u2_ar", out var vsAr) && double.IsFinite(vsAr))
                {
                    var lags = best.Metrics.TryGetValue("ar_lags", out var p) ? NumberFormat.Parameter(p) : "p";
                    var arStronger = best.Metrics.TryGetValue($"{split}_ar_u2", out var arU2) && arU2 < 1;
                    var (ratio, baseline, dm) = arStronger
                        ? (vsAr, $"the linear AR({lags}) baseline", $"{split}_dm_ar_p")
                        : (u2, "the naive forecast", $"{split}_dm_naive_p");
                    var pValue = best.Metrics.TryGetValue(dm, out var dmP) ? dmP : double.NaN;
                    yield return $"{name}: against the stronger baseline, {Markup.Escape(baseline)}, the best model {Colour(ratio, pValue)} it (RMSE ratio {NumberFormat.Value(ratio)}){Markup.Escape(ForecastVerdict.PValueClause(pValue))}";
                }
            }
        }
    }

    private static string Colour(double ratio, double pValue) =>
        $"[{(ForecastVerdict.Beats(ratio, pValue) ? "green" : ratio < 1 ? "yellow" : "red")}]{ForecastVerdict.Verb(ratio, pValue)}[/]";

    private static string Metric(TrialRecord trial, string key) =>
        trial.Metrics.TryGetValue(key, out var value) && double.IsFinite(value) ? NumberFormat.Value(value) : "-";
}
