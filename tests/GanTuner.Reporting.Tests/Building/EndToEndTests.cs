namespace GanTuner.Reporting.Tests.Building;

public sealed class EndToEndTests(WrittenStudyReport report) : IClassFixture<WrittenStudyReport>
{
    [Fact]
    public void A_stored_study_is_reported_in_its_folder_with_every_figure_it_can_supply()
    {
        var files = report.Files;

        Assert.Equal(Path.Combine(report.StudyDirectory, "report", "report.html"), files.Page);
        Assert.Equal(15, files.FigureFiles.Count);
        Assert.Equal([16], files.Omitted.Select(f => f.Info.Number));
        foreach (var file in files.FigureFiles)
        {
            Png.AssertValid(File.ReadAllBytes(file), file);
        }

        Assert.Equal(["1 trial(s) interrupted by a stopped process are not shown: a retry trial re-evaluated each configuration."], files.Notes);
    }

    [Fact]
    public void The_page_loads_in_headless_chromium_with_every_image_decoded_and_no_console_error()
    {
        var page = File.ReadAllText(report.Files.Page);

        var (images, decoded, errors, log) = BrowserProbe.Open(page, Path.Combine(report.StudyDirectory, "probed.html"));

        Assert.Equal(report.Files.FigureFiles.Count, images);
        Assert.Equal(images, decoded);
        Assert.Equal("", errors);
        Assert.DoesNotContain(log.Split('\n'), line => line.Contains(":CONSOLE", StringComparison.Ordinal));
    }
}
