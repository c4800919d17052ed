using Spectre.Console;

namespace GanTuner.Cli;

/// <summary>
/// The console every command writes to. Written to a pipe or a file, output carries no escape codes at all: Spectre
/// would otherwise trust <c>TERM</c> and colour what <c>| cat</c>, <c>| grep</c> or a log file then shows as
/// garbage. <c>NO_COLOR</c> (https://no-color.org) turns colour off on a terminal too; bars and redrawing stay.
/// </summary>
public static class Terminal
{
    /// <summary>The console for stdout as this process's stdout and environment ask for.</summary>
    public static IAnsiConsole CreateStdout() =>
        Create(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"), Console.Out);

    /// <param name="redirected">Whether the output is a pipe or a file rather than a terminal.</param>
    /// <param name="noColor">The value of <c>NO_COLOR</c>; any non-empty value means no colour.</param>
    /// <param name="output">Where the console writes.</param>
    public static IAnsiConsole Create(bool redirected, string? noColor, TextWriter output)
    {
        var colourless = redirected || !string.IsNullOrEmpty(noColor);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = colourless ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(output),
        });
    }
}
