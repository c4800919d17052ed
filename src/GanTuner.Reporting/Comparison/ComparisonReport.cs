using System.Text;

namespace GanTuner.Reporting.Comparison;

/// <summary>Writes a comparison's files into one folder: <c>compare.html</c> (self-contained), <c>figures/</c>
/// (<c>best-so-far.png</c>, <c>final-best.png</c>), <c>summary.csv</c>, <c>runs.csv</c> and <c>summary.json</c>.</summary>
/// <remarks>Everything is rendered in memory first and each file replaced whole, so a failure never leaves half a file.</remarks>
public static class ComparisonReport
{
    public const string PageName = "compare.html";
    public const string FiguresFolder = "figures";

    public static ComparisonReportFiles Write(ComparisonReportInput input, string directory)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var curves = ComparisonFigures.Curves(input);
        var boxes = ComparisonFigures.Boxes(input);
        var page = ComparisonPage.Render(input, curves, boxes);
        var summaryCsv = ComparisonSummaryFiles.SummaryCsv(input.Summary);
        var runsCsv = ComparisonSummaryFiles.RunsCsv(input.Summary);
        var json = ComparisonSummaryFiles.Json(input);

        var target = Path.GetFullPath(directory);
        var figures = Path.Combine(target, FiguresFolder);
        Directory.CreateDirectory(figures);
        var files = new ComparisonReportFiles(
            target,
            Path.Combine(target, PageName),
            [Path.Combine(figures, ComparisonFigures.CurvesFile), Path.Combine(figures, ComparisonFigures.BoxesFile)],
            Path.Combine(target, ComparisonSummaryFiles.SummaryCsvName),
            Path.Combine(target, ComparisonSummaryFiles.JsonName),
            Path.Combine(target, ComparisonSummaryFiles.RunsCsvName));
        Replace(files.Figures[0], curves);
        Replace(files.Figures[1], boxes);
        Replace(files.SummaryCsv, Utf8(summaryCsv));
        Replace(files.RunsCsv, Utf8(runsCsv));
        Replace(files.SummaryJson, Utf8(json));
        Replace(files.Page, Utf8(page));
        return files;
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static void Replace(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
