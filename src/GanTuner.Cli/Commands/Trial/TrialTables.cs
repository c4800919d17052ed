using System.Globalization;
using GanTuner.Data.Protocols;
using GanTuner.Cli.Commands.Tune;
using GanTuner.Forecasting;
using GanTuner.Forecasting.Skill;
using Spectre.Console;

namespace GanTuner.Cli.Commands.Trial;

/// <summary>The human-readable form of a trial: what ran, losses per epoch, scores beside the naive forecast, cost.</summary>
internal static class TrialTables
{
    public static void Write(TrialResult result, ForecastDataset data, string? savedModel)
    {
        AnsiConsole.MarkupLine($"[bold]trial[/] {Markup.Escape(result.Config.ToString())}");
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(data.Series.Source)}; {Markup.Escape(data.ToString())}[/]");
        if (data.IsLeaky)
        {
            AnsiConsole.MarkupLine("[yellow]paper-shuffled is LEAKY: training windows come from after test days; the errors are not a fair forecast.[/]");
        }

        if (result.Status != TrialStatus.Ok)
        {
            AnsiConsole.MarkupLine($"[red]{result.Status.ToString().ToLowerInvariant()}:[/] {Markup.Escape(result.FailureReason ?? string.Empty)}");
        }

        if (result.EpochTrainLoss.Count > 0)
        {
            var objective = result.ObjectiveSplit.ToString().ToLowerInvariant();
            // Under window scaling the objective (U2 on prices) is not the loss, so it gets its own column.
            var measure = result.Measure is { OnPrices: true } m ? m : null;
            var epochs = new Table().Border(TableBorder.Rounded).AddColumn("Epoch")
                .AddColumn(new TableColumn("Train loss").RightAligned())
                .AddColumn(new TableColumn($"{objective} loss").RightAligned());
            if (measure is not null)
            {
                epochs.AddColumn(new TableColumn($"{objective} {measure.Quantity} ({measure.Name})").RightAligned());
            }

            for (var e = 0; e < result.EpochTrainLoss.Count; e++)
            {
                var validation = e < result.EpochValidationLoss.Count ? Number(result.EpochValidationLoss[e]) : "-";
                var score = e < result.EpochObjective.Count ? Number(result.EpochObjective[e]) : "-";
                string[] cells = measure is null
                    ? [(e + 1).ToString(CultureInfo.InvariantCulture), Number(result.EpochTrainLoss[e]), validation]
                    : [(e + 1).ToString(CultureInfo.InvariantCulture), Number(result.EpochTrainLoss[e]), validation, score];
                epochs.AddRow(cells);
            }

            AnsiConsole.Write(epochs);
        }

        if (result.Folds.Count > 0)
        {
            var days = result.Folds.Select(f => $"{f.ValidationFrom:yyyy-MM-dd} to {f.ValidationTo:yyyy-MM-dd}").ToList();
            AnsiConsole.Write(FoldsTable.Of(FoldFigures.Read(result.ToMetrics()), "walk-forward folds", days));
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"validation: the mean of the {result.Folds.Count} folds; the epochs above and the test scores are the last fold's model, the one kept")));
        }

        if (result.Objective is { } objectiveScores && result.Test is { } test)
        {
            var splits = result.ObjectiveSplit == SplitKind.Test ? new[] { test } : new[] { objectiveScores, test };
            AnsiConsole.Write(Scores("scaled units", splits, e => e.Scaled, e => e.NaiveScaled));
            AnsiConsole.Write(Scores("prices", splits, e => e.Price, e => e.NaivePrice));
            foreach (var s in splits)
            {
                var naiveP = s.Skill?.VersusNaive.PValue ?? double.NaN;
                var colour = ForecastVerdict.Beats(s.U2, naiveP) ? "green" : s.U2 < 1 ? "yellow" : "red";
                AnsiConsole.MarkupLine($"{s.Split.ToString().ToLowerInvariant()}: Theil's U2 = {Number(s.U2)} (model RMSE ÷ naive RMSE): the model [{colour}]{ForecastVerdict.Verb(s.U2, naiveP)}[/] tomorrow = today{Markup.Escape(ForecastVerdict.PValueClause(naiveP))}");
                if (s.Skill is { } k)
                {
                    AnsiConsole.MarkupLine(Markup.Escape(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {k.ArName}: RMSE {Number(k.ArPrice.Rmse)} (U2 {Number(k.ArPrice.Rmse / s.NaivePrice.Rmse)}); model ÷ {k.ArName} RMSE {Number(s.U2VersusAr)}; "
                        + $"MASE model {Number(k.Mase)}, naive {Number(k.NaiveMase)}, {k.ArName} {Number(k.ArMase)}; "
                        + $"direction {Number(100 * k.Direction.HitRate)} % (Pesaran-Timmermann p {Number(k.Direction.PValue)}); "
                        + $"Diebold-Mariano p vs naive {Number(k.VersusNaive.PValue)}, vs {k.ArName} {Number(k.VersusAr.PValue)}")));
                    AnsiConsole.MarkupLine(Markup.Escape($"  verdict: the model {s.Verdict()}"));
                }
            }
        }

        var cost = new Table().Border(TableBorder.Rounded).AddColumn("Cost").AddColumn(new TableColumn("Value").RightAligned());
        cost.AddRow("training seconds", Fixed(result.TrainSeconds, 2));
        cost.AddRow("wall seconds", Fixed(result.WallSeconds, 2));
        cost.AddRow("CPU seconds", Fixed(result.CpuSeconds, 2));
        cost.AddRow("CPU % of the machine", Fixed(result.CpuPercent, 0));
        cost.AddRow("peak memory (MB)", Fixed(result.PeakMemoryMb, 0));
        cost.AddRow("epochs run / kept", $"{result.EpochsRun} / {result.KeptEpoch}");
        cost.AddRow("parameters", result.Parameters.ToString("N0", CultureInfo.InvariantCulture));
        cost.AddRow("threads", result.Threads.ToString(CultureInfo.InvariantCulture));
        cost.AddRow("training windows", result.TrainWindows.ToString("N0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(cost);
        if (savedModel is not null && result.Status == TrialStatus.Ok)
        {
            AnsiConsole.MarkupLine($"model saved to {Markup.Escape(savedModel)}");
        }
    }

    private static Table Scores(string unit, IReadOnlyList<SplitEvaluation> splits, Func<SplitEvaluation, ErrorMetrics> model, Func<SplitEvaluation, ErrorMetrics> naive)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"errors in {unit}").AddColumn("Metric");
        foreach (var s in splits)
        {
            var name = s.Split.ToString().ToLowerInvariant();
            table.AddColumn(new TableColumn($"{name} model").RightAligned());
            table.AddColumn(new TableColumn($"{name} naive").RightAligned());
        }

        (string Name, Func<ErrorMetrics, double> Pick)[] rows =
        [
            ("MSE", m => m.Mse), ("RMSE", m => m.Rmse), ("MAE", m => m.Mae), ("MAPE %", m => m.Mape), ("R²", m => m.R2),
        ];
        foreach (var (name, pick) in rows)
        {
            var cells = new List<string> { name };
            foreach (var s in splits)
            {
                cells.Add(Number(pick(model(s))));
                cells.Add(Number(pick(naive(s))));
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("G5", CultureInfo.InvariantCulture) : "-";

    private static string Fixed(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
