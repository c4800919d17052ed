using Spectre.Console;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary>The console the tuning commands draw tables on.</summary>
internal static class TableConsole
{
    private const int RedirectedWidth = 240;

    /// <summary>The terminal, or, when output goes to a file or a pipe, a console that does not wrap tables
    /// at an assumed 80 columns: there is no screen width to respect there, and wrapped rows break scripts.</summary>
    public static IAnsiConsole Create()
    {
        if (!Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }

        var console = Terminal.Create(redirected: true, noColor: null, Console.Out);
        console.Profile.Width = RedirectedWidth;
        return console;
    }
}
