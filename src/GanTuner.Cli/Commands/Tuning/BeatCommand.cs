using GanTuner.Studies.AskTell;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary><c>gantuner beat</c>: renews the heartbeat of a trial asked with <c>--heartbeat</c>, so a long
/// evaluation driven from a script is not taken for dead. Exits 3 when the trial is no longer running (it was
/// told, or failed as stale and handed to a retry): the script should stop evaluating it.</summary>
public sealed class BeatCommand : Command<BeatSettings>
{
    public const int NotRunning = 3;

    public override int Execute(CommandContext context, BeatSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (StudyService.Beat(settings.Storage, settings.Study!, settings.Trial!.Value))
        {
            return 0;
        }

        Console.Error.WriteLine($"gantuner: trial {settings.Trial} of study '{settings.Study}' is no longer running; stop evaluating it");
        return NotRunning;
    }
}
