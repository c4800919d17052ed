using Spectre.Console;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>The console <c>tune</c> writes to: the live terminal, or, when stdout is not a terminal (a file, a
/// pipe, CI), a plain one without escape codes that does not wrap lines (unless COLUMNS asks it to).</summary>
internal static class TuneConsole
{
    // Wide enough that no line is ever wrapped: logs are read by grep and by people scrolling sideways.
    private const int PlainWidth = 1000;

    public static bool IsPlain => Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive;

    public static IAnsiConsole Create(bool plain)
    {
        if (!plain)
        {
            return AnsiConsole.Console;
        }

        var console = Terminal.Create(redirected: true, noColor: null, Console.Out);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("COLUMNS")))
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }
}
