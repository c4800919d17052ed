using System.Globalization;
using GanTuner.Cli.Commands.Tune;
using GanTuner.Cli.Testing;
using GanTuner.Reporting.Comparison;
using GanTuner.Studies.Compare;
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
        var observer = new CompareObserver(console, plain, settings.IsLstm, TrialHold.FromEnvironment(cancellationToken));
        var outcome = await Comparisons.RunAsync(settings.Request, observer, cancellationToken).ConfigureAwait(false);
        var (objective, plan) = (outcome.Start.Objective, outcome.Start.Plan);
        if (outcome.Summary is not { } summary)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gantuner: interrupted (running trials are recorded as interrupted and run again first); {outcome.Evaluated} of {plan.TotalTrials} trials evaluated; run the same command to resume"));
            return CliErrors.Cancelled;
        }

        console.Write(CompareTables.BestAfter(summary, settings.IsLstm));
        console.WriteLine(objective.Caption(plan));
        console.Write(CompareTables.HeadToHead(summary));
        console.WriteLine(CompareTables.HeadToHeadNote(summary));
        if (settings.IsLstm)
        {
            console.Write(CompareTables.TestErrors(summary));
            console.WriteLine(CompareTables.TestErrorsNote);
            console.Write(CompareTables.Skill(summary));
            console.WriteLine(CompareTables.SkillNote);
        }

        var input = new ComparisonReportInput(
            summary,
            objective.Label,
            objective.ValueName,
            [
                .. objective.Facts,
                new("Tuner options", plan.Options.Values.Count == 0 ? "defaults" : plan.Options.ToString()),
                new("Studies", $"compare/{plan.ObjectiveName}/<tuner>/seed-<n> in {outcome.Start.StorageLabel}"),
                new("Command", CommandLine()),
            ],
            DateTimeOffset.UtcNow);
        var files = ComparisonReport.Write(input, outcome.Start.OutDirectory);
        console.WriteLine($"files in {files.Directory}: {Path.GetFileName(files.Page)}, {string.Join(", ", files.Figures.Select(f => Path.GetRelativePath(files.Directory, f)))}, "
            + $"{Path.GetFileName(files.SummaryCsv)}, {Path.GetFileName(files.SummaryJson)}, {Path.GetFileName(files.RunsCsv)}");
        return 0;
    }

    // The command as typed, to be run again: the arguments after the program, quoted where a shell would need it.
    private static string CommandLine() => string.Join(' ', Environment.GetCommandLineArgs().Skip(1)
        .Select(a => a.Length > 0 && a.All(c => char.IsAsciiLetterOrDigit(c) || "-_.,/=:+^@".Contains(c, StringComparison.Ordinal)) ? a : $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'")
        .Prepend("gantuner"));
}
