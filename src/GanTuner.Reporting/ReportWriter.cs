using System.Text;
using GanTuner.Reporting.Figures;
using GanTuner.Reporting.Html;
using GanTuner.Reporting.Model;

namespace GanTuner.Reporting;

/// <summary>Writes a report folder: <c>report.html</c> and <c>figures/NN-name.png</c>.</summary>
/// <remarks>Everything is rendered in memory and written to a sibling temporary folder first, then swapped
/// in: a failure leaves the previous report intact, never half a new one, and a figure omitted this time
/// cannot survive as a stale PNG from an earlier run.</remarks>
public static class ReportWriter
{
    public const string PageName = "report.html";
    public const string FiguresFolder = "figures";

    public static ReportFiles Write(ReportModel model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Write(model, FigureCatalog.RenderAll(model), directory);
    }

    /// <summary>Writes figures already rendered from <paramref name="model"/> (tests render once, write often).</summary>
    internal static ReportFiles Write(ReportModel model, IReadOnlyList<RenderedFigure> figures, string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var page = HtmlReport.Render(model, figures);

        var target = Path.GetFullPath(directory);
        if (FileInPath(target) is { } file)
        {
            throw new ReportException($"cannot write the report to {target}: {file} is a file, not a folder");
        }

        var staging = Path.Combine(target, ".report-" + Guid.NewGuid().ToString("N"));
        try
        {
            System.IO.Directory.CreateDirectory(Path.Combine(staging, FiguresFolder));
            foreach (var figure in figures.Where(f => f.IsRendered))
            {
                File.WriteAllBytes(Path.Combine(staging, FiguresFolder, figure.Info.FileName), figure.Png!);
            }

            File.WriteAllText(Path.Combine(staging, PageName), page, new UTF8Encoding(false));

            var figuresPath = Path.Combine(target, FiguresFolder);
            if (System.IO.Directory.Exists(figuresPath))
            {
                System.IO.Directory.Delete(figuresPath, recursive: true);
            }

            System.IO.Directory.Move(Path.Combine(staging, FiguresFolder), figuresPath);
            File.Move(Path.Combine(staging, PageName), Path.Combine(target, PageName), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file where the folder should be, no permission, a full disk: the user can fix each of them.
            throw new ReportException($"cannot write the report to {target} ({e.Message})", e);
        }
        finally
        {
            if (System.IO.Directory.Exists(staging))
            {
                System.IO.Directory.Delete(staging, recursive: true);
            }
        }

        return new ReportFiles(
            target,
            Path.Combine(target, PageName),
            [.. figures.Where(f => f.IsRendered).Select(f => Path.Combine(target, FiguresFolder, f.Info.FileName))],
            [.. figures.Where(f => !f.IsRendered)],
            model.Notes);
    }

    // The folder itself or the nearest existing folder above it, when that is a file: no report can be made there.
    private static string? FileInPath(string path)
    {
        for (var part = path; part is not null; part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                return part;
            }

            if (System.IO.Directory.Exists(part))
            {
                return null;
            }
        }

        return null;
    }
}
