using System.Globalization;
using GanTuner.Studies.AskTell;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary><c>gantuner studies</c>: one row per stored study with its tuner, trial counts and best value.</summary>
public sealed class StudiesCommand : Command<StudiesSettings>
{
    public override int Execute(CommandContext context, StudiesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var studies = StudyService.List(settings.Storage);
        if (studies.Count == 0)
        {
            Console.Out.WriteLine($"No studies in {settings.Storage}.");
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Study", "Tuner", "Seed", "Trials", "Complete", "Pruned", "Failed", "Running", "Best (trial)", "Created (UTC)");
        foreach (var study in studies)
        {
            table.AddRow(
                Markup.Escape(study.Name),
                Markup.Escape(study.Tuner),
                Number(study.Seed),
                Number(study.Trials),
                Number(study.Complete),
                Number(study.Pruned),
                Number(study.Failed),
                Number(study.Running),
                study.BestValue is not { } best ? "-" : string.Create(CultureInfo.InvariantCulture, $"{best:G6} (#{study.BestTrial})"),
                study.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }

        TableConsole.Create().Write(table);
        return 0;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
