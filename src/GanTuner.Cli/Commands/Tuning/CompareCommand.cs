using System.Globalization;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Objectives;
using GanTuner.Tuning.Studies;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary><c>gantuner compare</c>: runs every tuner over many seeds on one objective and prints, per
/// tuner, the median and quartiles of the best value found after 10, 20 and all evaluations.</summary>
public sealed class CompareCommand : Command<CompareSettings>
{
    public override int Execute(CommandContext context, CompareSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var objective = SyntheticObjective.Find(settings.Objective)!;
        var plan = new ComparisonPlan(
            objective.Name, objective.Space(), settings.TunerList, settings.Budget, settings.Seeds, settings.Seed,
            TunerOptions.Parse(settings.Options));

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var file = settings.Storage is null ? null : new SqliteStudyStore(settings.Storage);
        try
        {
            var runner = new ComparisonRunner(file ?? (IStudyStore)new InMemoryStudyStore(), settings.Parallel ?? Environment.ProcessorCount);
            var result = runner.Run(plan, (parameters, _) => TrialOutcome.Success(objective.Evaluate(parameters)), cancel.Token);
            TableConsole.Create().Write(Table(result, objective));
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The evaluation counts reported: 10, 20 and the budget, as far as the budget allows.</summary>
    internal static IReadOnlyList<int> Checkpoints(int budget) =>
        [.. new[] { 10, 20, budget }.Where(n => n <= budget).Distinct()];

    private static Table Table(ComparisonResult result, SyntheticObjective objective)
    {
        var plan = result.Plan;
        var checkpoints = Checkpoints(plan.Budget);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Tuner");
        foreach (var n in checkpoints)
        {
            table.AddColumn(new TableColumn(string.Create(CultureInfo.InvariantCulture, $"best after {n}")).RightAligned());
        }

        foreach (var tuner in result.Tuners)
        {
            table.AddRow([Markup.Escape(tuner.Tuner), .. checkpoints.Select(n => Format(tuner.After(n)))]);
        }

        table.Caption(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{objective.Name} (minimum {objective.Minimum}), {plan.Seeds} seeds from {plan.FirstSeed}: median, [quartiles]")));
        return table;
    }

    // Two lines per cell keep the table within 80 columns, the width of a redirected console.
    private static string Format(QuantileSummary summary) => string.Create(CultureInfo.InvariantCulture,
        $"{summary.Median:F4}\n[grey][[{summary.LowerQuartile:F3}, {summary.UpperQuartile:F3}]][/]");
}
