using System.Text.Json;
using GanTuner.Cli.Tests.Data;
using Spectre.Console;

namespace GanTuner.Cli.Tests;

public sealed class OutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gantuner-cli-output-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Help_written_to_a_pipe_carries_no_escape_codes_even_on_a_colour_terminal_type()
    {
        var (code, stdout, _) = GanTunerProcess.Run(new Dictionary<string, string> { ["TERM"] = "xterm-256color" }, "--help");

        Assert.Equal(0, code);
        Assert.Contains("USAGE:", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout);
    }

    [Fact]
    public void No_color_turns_colour_off_on_a_terminal_and_a_pipe_gets_plain_text()
    {
        using var terminal = new StringWriter();
        using var pipe = new StringWriter();

        var noColour = Terminal.Create(redirected: false, noColor: "1", terminal);
        Terminal.Create(redirected: true, noColor: null, pipe).MarkupLine("[red]red[/] [bold]bold[/]");

        Assert.Equal(ColorSystem.NoColors, noColour.Profile.Capabilities.ColorSystem);
        Assert.Equal("red bold\n", pipe.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Studies_json_is_one_array_with_one_object_per_study()
    {
        var db = Path.Combine(_dir, "runs.db");
        Assert.Equal(0, GanTunerProcess.Run("ask", "--study", "b", "--storage", db, "--tuner", "random", "--seed", "7").ExitCode);
        Assert.Equal(0, GanTunerProcess.Run("ask", "--study", "b", "--storage", db).ExitCode);
        Assert.Equal(0, GanTunerProcess.Run("tell", "--study", "b", "--storage", db, "--trial", "1", "--value", "0.25").ExitCode);
        Assert.Equal(0, GanTunerProcess.Run("ask", "--study", "a", "--storage", db).ExitCode);

        var (code, stdout, stderr) = GanTunerProcess.Run("studies", "--storage", db, "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var studies = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["a", "b"], studies.Select(s => s.GetProperty("name").GetString()));
        var b = studies[1];
        Assert.Equal(
            ["name", "tuner", "seed", "trials", "complete", "failed", "pruned", "running", "best_value", "best_trial", "created"],
            b.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("random", 7, 2, 1, 0, 0, 1), (b.GetProperty("tuner").GetString(), b.GetProperty("seed").GetInt32(), b.GetProperty("trials").GetInt32(),
            b.GetProperty("complete").GetInt32(), b.GetProperty("failed").GetInt32(), b.GetProperty("pruned").GetInt32(), b.GetProperty("running").GetInt32()));
        Assert.Equal((0.25, 1), (b.GetProperty("best_value").GetDouble(), b.GetProperty("best_trial").GetInt32()));
        Assert.Equal(JsonValueKind.Null, studies[0].GetProperty("best_value").ValueKind);
        Assert.True(DateTimeOffset.TryParse(b.GetProperty("created").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }
}
