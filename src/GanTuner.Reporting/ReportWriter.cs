using System.Text;
using GanTuner.Reporting.Figures;
using GanTuner.Reporting.Html;
using GanTuner.Reporting.Model;

namespace GanTuner.Reporting;

/// <summary>Writes a report folder: <c>report.html</c> and <c>figures/NN-name.png</c>.</summary>
/// <remarks>Everything is rendered in memory and written to a sibling temporary folder first, then exchanged
/// with the old folder in one atomic step: a failure or a crash leaves the previous report intact or the new one
/// whole, never half of either, and a figure omitted this time cannot survive as a stale PNG from an earlier run.</remarks>
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

        // The new report is written whole into a sibling folder on the same file system, then exchanged with the
        // old one in a single step (see DirectorySwap): a crash at any moment leaves the old report or the new one,
        // never a page without its figures or figures of another run.
        var parent = Path.GetDirectoryName(target) ?? target;
        var staging = Path.Combine(parent, "." + Path.GetFileName(target) + ".report-" + Guid.NewGuid().ToString("N"));
        try
        {
            System.IO.Directory.CreateDirectory(Path.Combine(staging, FiguresFolder));
            foreach (var figure in figures.Where(f => f.IsRendered))
            {
                File.WriteAllBytes(Path.Combine(staging, FiguresFolder, figure.Info.FileName), figure.Png!);
            }

            File.WriteAllText(Path.Combine(staging, PageName), page, new UTF8Encoding(false));
            CommitForTests?.Invoke(target, "staged");
            if (!System.IO.Directory.Exists(target))
            {
                System.IO.Directory.Move(staging, target);
                return Files(model, figures, target);
            }

            if (IsDedicated(target))
            {
                DirectorySwap.Exchange(staging, target);
            }
            else
            {
                // A folder that holds more than the report (or the working folder) is not exchanged as a whole:
                // its figures folder is, then the page is renamed over the old one. A crash between the two leaves
                // the new figures beside the old page, which embeds its own figures and so is still whole.
                var figuresPath = Path.Combine(target, FiguresFolder);
                if (System.IO.Directory.Exists(figuresPath))
                {
                    DirectorySwap.Exchange(Path.Combine(staging, FiguresFolder), figuresPath);
                }
                else
                {
                    System.IO.Directory.Move(Path.Combine(staging, FiguresFolder), figuresPath);
                }

                File.Move(Path.Combine(staging, PageName), Path.Combine(target, PageName), overwrite: true);
            }

            CommitForTests?.Invoke(target, "exchanged");
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

        return Files(model, figures, target);
    }

    /// <summary>A test's stand-in for a crash: called before and after the commit with the report folder and the
    /// step's name; throwing there stops the write as a killed process would (the staging folder's cleanup aside).</summary>
    internal static Action<string, string>? CommitForTests { get; set; }

    // Holds nothing but a report, and is not where this process (or the shell that started it) stands.
    private static bool IsDedicated(string target) =>
        System.IO.Directory.EnumerateFileSystemEntries(target).All(e => Path.GetFileName(e) is PageName or FiguresFolder)
        && !Path.GetFullPath(System.IO.Directory.GetCurrentDirectory()).StartsWith(target, StringComparison.Ordinal);

    private static ReportFiles Files(ReportModel model, IReadOnlyList<RenderedFigure> figures, string target) =>
        new(
            target,
            Path.Combine(target, PageName),
            [.. figures.Where(f => f.IsRendered).Select(f => Path.Combine(target, FiguresFolder, f.Info.FileName))],
            [.. figures.Where(f => !f.IsRendered)],
            model.Notes);

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
