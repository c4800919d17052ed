using System.Globalization;
using GanTuner.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary><c>gantuner studies</c>: one row per stored study with its tuner, trial counts and best value.</summary>
public sealed class StudiesCommand : Command<StudiesSettings>
{
    public override int Execute(CommandContext context, StudiesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var store = StoreLocation.Open(settings.Storage, createIfMissing: false);
        using var lifetime = store as IDisposable;
        var studies = store.ListStudies();
        if (studies.Count == 0)
        {
            Console.Out.WriteLine($"No studies in {settings.Storage}.");
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Study", "Tuner", "Seed", "Trials", "Complete", "Pruned", "Failed", "Running", "Best (trial)", "Created (UTC)");
        foreach (var study in studies)
        {
            var trials = store.GetTrials(study.Name);
            var best = trials.Where(t => t.State == TrialState.Complete).MinBy(t => t.Value);
            table.AddRow(
                Markup.Escape(study.Name),
                Markup.Escape(study.TunerName),
                Number(study.Seed),
                Number(trials.Count),
                Number(trials.Count(t => t.State == TrialState.Complete)),
                Number(trials.Count(t => t.State == TrialState.Pruned)),
                Number(trials.Count(t => t.State == TrialState.Failed)),
                Number(trials.Count(t => t.State == TrialState.Running)),
                best is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{best.Value:G6} (#{best.Number})"),
                study.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }

        TableConsole.Create().Write(table);
        return 0;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
