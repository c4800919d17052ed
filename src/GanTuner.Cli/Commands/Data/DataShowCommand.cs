using System.ComponentModel;
using System.Globalization;
using GanTuner.Data.Protocols;
using GanTuner.Studies.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Data;

/// <summary><c>gantuner data show</c>: what a price series holds and how the protocol splits it into windows.</summary>
public sealed class DataShowCommand : AsyncCommand<DataShowCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--seq <L>")]
        [Description("Sequence length: each window's input is the L days before its target.")]
        [DefaultValue(30)]
        public int SequenceLength { get; init; } = 30;

        public override ValidationResult Validate() =>
            SequenceLength < 1 ? ValidationResult.Error($"--seq must be at least 1, not {SequenceLength}") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var training = settings.Training;
        var data = await PriceData.InspectAsync(settings.Source, settings.SequenceLength, training).ConfigureAwait(false);
        var series = data.Series;
        var prices = data.Prices;
        var min = Array.IndexOf(prices, prices.Min());
        var max = Array.IndexOf(prices, prices.Max());
        var gap = series.LargestGap();
        var column = settings.CsvOptions.ModelledColumn == GanTuner.Data.PriceColumn.AdjClose ? "adjusted close" : "close";

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Series").AddColumn("Value");
        Row(table, "source", series.Source);
        Row(table, "rows", Number(series.Count));
        Row(table, "dates", $"{Iso(series.FirstDate)} to {Iso(series.LastDate)}");
        Row(table, $"min {column}", $"{Price(prices[min])} on {Iso(series.Dates[min])}");
        Row(table, $"max {column}", $"{Price(prices[max])} on {Iso(series.Dates[max])}");
        Row(table, "largest gap", $"{gap.Days} days ({Iso(gap.From)} to {Iso(gap.To)})");
        AnsiConsole.Write(table);

        var plan = data.Plan;
        var splits = new Table().Border(TableBorder.Rounded)
            .AddColumn("Split").AddColumn(new TableColumn("Windows").RightAligned()).AddColumn("Target dates");
        foreach (var split in new[] { data.Train, data.Validation, data.Test })
        {
            var objective = split.Kind == data.ObjectiveSplit ? " (objective)" : string.Empty;
            var dates = split.Count == 0 ? "-" : $"{Iso(split.TargetDates.Min())} to {Iso(split.TargetDates.Max())}";
            splits.AddRow(new Text(split.Kind.ToString().ToLowerInvariant() + objective), new Text(Number(split.Count)), new Text(dates));
        }

        var fitRows = training.Target == ForecastTarget.Level ? $"rows {plan.FitStart + 1}-{plan.FitEnd}"
            : plan.FitStart == 0 ? $"log returns up to row {plan.FitEnd}" : $"log returns of rows {plan.FitStart + 2}-{plan.FitEnd}";
        AnsiConsole.Write(splits);
        if (data.Folds.Count > 0)
        {
            AnsiConsole.Write(Folds(data));
        }

        AnsiConsole.WriteLine(
            $"protocol {training.Protocol.Name()}, target {training.Target.Name()}, L = {settings.SequenceLength}; "
            + $"{(data.Folds.Count > 0 ? "the last fold's " : string.Empty)}scaler fitted on {fitRows}: [{Price(data.Scaler.Min)}, {Price(data.Scaler.Max)}]");
        AnsiConsole.WriteLine(training.Protocol.Describe());
        return 0;
    }

    private static Table Folds(ForecastDataset data)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"walk-forward folds ({data.Spec.FoldWindow.Name()})")
            .AddColumn(new TableColumn("Fold").RightAligned())
            .AddColumn("Training (scaler) rows")
            .AddColumn(new TableColumn("Training windows").RightAligned())
            .AddColumn(new TableColumn("Validation windows").RightAligned())
            .AddColumn("Validation target dates");
        for (var k = 0; k < data.Folds.Count; k++)
        {
            var fold = data.Folds[k];
            var validation = fold.Validation;
            table.AddRow(
                (k + 1).ToString(CultureInfo.InvariantCulture),
                $"{fold.Plan.FitStart + 1}-{fold.Plan.FitEnd}",
                Number(fold.Train.Count),
                Number(validation.Count),
                $"{Iso(validation.TargetDates[0])} to {Iso(validation.TargetDates[^1])}");
        }

        return table;
    }

    private static void Row(Table table, string name, string value) => table.AddRow(new Text(name), new Text(value));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Price(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
