using System.Globalization;
using GanTuner.Cli.Commands.Tune;
using GanTuner.Reporting.Comparison;
using GanTuner.Storage;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Objectives;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>
/// <c>gantuner compare</c>: every tuner on the same objective with the same budget over several seeds. Each
/// (tuner, seed) run is a study of its own in the store, so an interrupted comparison resumes where it stopped
/// and a finished one is only read again. Prints the best value after several budgets, ranks, win rates, the
/// paired Wilcoxon test of the GAN against every other tuner and, for the LSTM, the test errors beside the naive
/// forecast; writes the summary, figures and a page to the output folder. Ctrl+C records the running trials as
/// interrupted and exits with 130; a second Ctrl+C ends the process at once (the next run recovers).
/// </summary>
public sealed class CompareCommand : AsyncCommand<CompareSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CompareSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return await CtrlC.RunCancellableAsync(token => RunAsync(settings, token)).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(CompareSettings settings, CancellationToken cancellationToken)
    {
        var plain = TuneConsole.IsPlain;
        var console = TuneConsole.Create(plain);
        var options = settings.TunerOptions;
        var tag = settings.IsLstm ? CompareNames.LstmTag(settings) : SyntheticObjective.Find(settings.Objective)!.Name + CompareNames.OptionsSuffix(options);
        var outDirectory = Path.GetFullPath(settings.Out ?? CompareNames.DefaultOut(tag));
        ICompareObjective objective = settings.IsLstm
            ? await LstmCompareObjective.CreateAsync(settings, tag, outDirectory, cancellationToken).ConfigureAwait(false)
            : new SyntheticCompareObjective(SyntheticObjective.Find(settings.Objective)!, tag);
        var plan = new ComparisonPlan(objective.Tag, objective.Space, settings.TunerList, settings.BudgetValue, settings.SeedsValue, settings.Seed, options)
        {
            StudyAttributes = objective.StudyAttributes,
        };

        var storage = settings.Storage ?? (settings.IsLstm ? CompareSettings.DefaultLstmStorage : null);
        var opened = storage is null ? null : StoreLocation.Open(storage);
        using var file = opened as IDisposable;
        var store = opened ?? new InMemoryStudyStore();
        RequireSameStudies(store, plan, objective);
        var runner = new ComparisonRunner(store, settings.ParallelValue);
        var done = runner.CountEvaluated(plan);
        foreach (var line in objective.Describe(plan))
        {
            console.WriteLine(line);
        }

        // Said on stderr: stdout is the same whether the studies ran now or were read back from the store.
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{done} of {plan.TotalTrials} trials already in {(storage ?? "memory")}; studies compare/{plan.ObjectiveName}/<tuner>/seed-<n>"));

        ICompareDisplay display = plain
            ? new PlainCompareDisplay(Console.Error, plan.TotalTrials, done, objective.ValueName, everyTrial: settings.IsLstm)
            : new LiveCompareDisplay(console, plan.TotalTrials, done, objective.ValueName, showTrials: settings.IsLstm);
        display = new HeldCompareDisplay(display, Testing.TrialHold.FromEnvironment(cancellationToken));
        ComparisonResult? result = null;
        try
        {
            display.Run(() => result = runner.Run(plan, (run, study) => objective.For(run, study, display), display.TrialFinished, cancellationToken));
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && IsCancellation(e))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gantuner: interrupted (running trials are recorded as interrupted and run again first); {runner.CountEvaluated(plan)} of {plan.TotalTrials} trials evaluated; run the same command to resume"));
            return CliErrors.Cancelled;
        }

        var summary = ComparisonSummary.Of(result!, objective.MetricKeys);
        console.Write(CompareTables.BestAfter(summary, objective));
        console.WriteLine(objective.Caption(plan));
        console.Write(CompareTables.HeadToHead(summary));
        console.WriteLine(CompareTables.HeadToHeadNote(summary));
        if (settings.IsLstm)
        {
            console.Write(CompareTables.TestErrors(summary));
            console.WriteLine(CompareTables.TestErrorsNote);
        }

        var input = new ComparisonReportInput(
            summary,
            objective.Label,
            objective.ValueName,
            [
                .. objective.Facts,
                new("Tuner options", options.Values.Count == 0 ? "defaults" : options.ToString()),
                new("Studies", $"compare/{plan.ObjectiveName}/<tuner>/seed-<n> in {storage ?? "memory"}"),
                new("Command", CommandLine()),
            ],
            DateTimeOffset.UtcNow);
        var files = ComparisonReport.Write(input, outDirectory);
        console.WriteLine($"files in {files.Directory}: {Path.GetFileName(files.Page)}, {string.Join(", ", files.Figures.Select(f => Path.GetRelativePath(files.Directory, f)))}, "
            + $"{Path.GetFileName(files.SummaryCsv)}, {Path.GetFileName(files.SummaryJson)}, {Path.GetFileName(files.RunsCsv)}");
        return 0;
    }

    // The command as typed, to be run again: the arguments after the program, quoted where a shell would need it.
    private static string CommandLine() => string.Join(' ', Environment.GetCommandLineArgs().Skip(1)
        .Select(a => a.Length > 0 && a.All(c => char.IsAsciiLetterOrDigit(c) || "-_.,/=:+^@".Contains(c, StringComparison.Ordinal)) ? a : $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'")
        .Prepend("gantuner"));

    private static void RequireSameStudies(IStudyStore store, ComparisonPlan plan, ICompareObjective objective)
    {
        if (objective.StudyAttributes is not { } attributes)
        {
            return;
        }

        foreach (var run in plan.Runs)
        {
            if (store.FindStudy(run.StudyName) is { } stored)
            {
                TuneStudyAttributes.RequireSame(stored, attributes);
            }
        }
    }

    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || (e is AggregateException a && a.Flatten().InnerExceptions.All(i => i is OperationCanceledException));
}
