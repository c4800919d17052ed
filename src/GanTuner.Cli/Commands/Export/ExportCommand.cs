using GanTuner.Export.Optuna;
using GanTuner.Storage;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Export;

/// <summary><c>gantuner export</c>: writes one study in another tool's format (today: Optuna's).</summary>
public sealed class ExportCommand : Command<ExportSettings>
{
    public override int Execute(CommandContext context, ExportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var store = StudyStores.OpenReadOnly(settings.Storage);
        try
        {
            var result = OptunaExporter.Export(store, settings.Study!, settings.Out!, settings.Force);
            Console.Out.WriteLine($"Wrote study '{result.Study}' ({result.Trials} trials) to {result.Path} in Optuna {OptunaExporter.OptunaVersion}'s schema.");
            Console.Out.WriteLine($"Open it with optuna.load_study(study_name=\"{result.Study}\", storage=\"sqlite:///{result.Path}\").");
            return 0;
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
