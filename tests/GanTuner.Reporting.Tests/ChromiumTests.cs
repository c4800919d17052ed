namespace GanTuner.Reporting.Tests;

public sealed class ChromiumTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "gantuner-chromium-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void The_probe_sees_a_broken_image_and_a_blocked_request()
    {
        var trials = Rendered.Trials;
        var files = ReportWriter.Write(trials.Model, trials.Figures, directory);
        var page = File.ReadAllText(files.Page).Replace(
            "</main>", "<img src=\"data:image/png;base64,AAAA\"><img src=\"https://example.invalid/x.png\"></main>", StringComparison.Ordinal);

        var (images, decoded, errors, log) = BrowserProbe.Open(page, Path.Combine(directory, "probed.html"));

        Assert.Equal(files.FigureFiles.Count + 2, images);
        Assert.Equal(files.FigureFiles.Count, decoded);
        Assert.Contains("csp:https://example.invalid/x.png", errors);
        Assert.Contains(log.Split('\n'), line => line.Contains(":CONSOLE", StringComparison.Ordinal));
    }
}
