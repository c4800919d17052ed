using GanTuner.Reporting.Figures;

namespace GanTuner.Reporting.Tests;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "gantuner-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Report_folder_holds_the_page_and_every_figure_as_a_numbered_png()
    {
        var full = Rendered.Full;

        var files = ReportWriter.Write(full.Model, full.Figures, directory);

        Assert.True(File.Exists(Path.Combine(directory, "report.html")));
        Assert.Equal(
            FigureCatalog.Figures.Select(f => Path.Combine(directory, "figures", f.FileName)),
            files.FigureFiles);
        foreach (var file in files.FigureFiles)
        {
            Png.AssertValid(File.ReadAllBytes(file), file);
        }

        Assert.Empty(files.Omitted);
        Assert.Equal(["figures", "report.html"], Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_report_folder_that_is_a_file_is_a_report_error()
    {
        var trials = Rendered.Trials;
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "taken");
        File.WriteAllText(file, "not a folder");

        var onFile = Assert.Throws<ReportException>(() => ReportWriter.Write(trials.Model, trials.Figures, file));
        var underFile = Assert.Throws<ReportException>(() => ReportWriter.Write(trials.Model, trials.Figures, Path.Combine(file, "report")));

        Assert.Equal($"cannot write the report to {file}: {file} is a file, not a folder", onFile.Message);
        Assert.Equal($"cannot write the report to {Path.Combine(file, "report")}: {file} is a file, not a folder", underFile.Message);
        Assert.Equal("not a folder", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public void Rewriting_a_report_leaves_no_stale_figure_behind()
    {
        var (full, trials) = (Rendered.Full, Rendered.Trials);
        ReportWriter.Write(full.Model, full.Figures, directory);

        var files = ReportWriter.Write(trials.Model, trials.Figures, directory);

        Assert.False(File.Exists(Path.Combine(directory, "figures", "12-actual-vs-predicted.png")));
        Assert.Equal(files.FigureFiles.Order(), Directory.GetFiles(Path.Combine(directory, "figures")).Order());
        Assert.Contains(files.Omitted, f => f.Info.Number == 12);
    }

    [Theory]
    [InlineData("staged", false)]
    [InlineData("exchanged", true)]
    public void A_crash_while_rewriting_leaves_the_old_report_or_the_new_one_whole(string crashAt, bool isNew)
    {
        var (full, trials) = (Rendered.Full, Rendered.Trials);
        ReportWriter.Write(full.Model, full.Figures, directory);
        var old = Snapshot();
        ReportWriter.CommitForTests = (target, step) =>
        {
            if (target == directory && step == crashAt)
            {
                throw new InvalidOperationException("crash");
            }
        };
        try
        {
            Assert.Throws<InvalidOperationException>(() => ReportWriter.Write(trials.Model, trials.Figures, directory));
        }
        finally
        {
            ReportWriter.CommitForTests = null;
        }

        var after = Snapshot();
        ReportWriter.Write(trials.Model, trials.Figures, directory);
        var fresh = Snapshot();
        Assert.Equal(isNew ? fresh : old, after);
        Assert.NotEqual(old, fresh);
    }

    [Fact]
    public void A_folder_holding_more_than_the_report_keeps_its_other_files()
    {
        var trials = Rendered.Trials;
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "notes.txt"), "mine");

        ReportWriter.Write(trials.Model, trials.Figures, directory);
        ReportWriter.Write(trials.Model, trials.Figures, directory);

        Assert.Equal("mine", File.ReadAllText(Path.Combine(directory, "notes.txt")));
        Assert.Equal(["figures", "notes.txt", "report.html"], Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Order());
    }

    // Every file of the report folder with a digest of its bytes, so two states compare as sequences.
    private List<string> Snapshot() =>
    [
        .. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(directory, f) + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
    ];
}
