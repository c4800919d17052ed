using GanTuner.Reporting;
using GanTuner.Storage;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Report;

/// <summary><c>gantuner report</c>: the figures and the HTML page of a stored study. Reads the store and the
/// study's data; never trains or changes anything.</summary>
public sealed class ReportCommand : Command<ReportSettings>
{
    public override int Execute(CommandContext context, ReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var store = StudyStores.Open(settings.Storage, createIfMissing: false);
        var files = StudyReport.Write(store, new ReportRequest(settings.Study!)
        {
            Compare = settings.CompareNames,
            OutDirectory = settings.Out,
        });

        Console.WriteLine($"report: {files.Page}");
        Console.WriteLine($"figures: {files.FigureFiles.Count} PNG files in {Path.Combine(files.Directory, ReportWriter.FiguresFolder)}");
        foreach (var omitted in files.Omitted.Where(f => f.Info.Section != Reporting.Figures.FigureSection.Comparison))
        {
            Console.WriteLine($"omitted: figure {omitted.Info.Number} ({omitted.Info.Title}): {omitted.Omitted}");
        }

        foreach (var note in files.Notes)
        {
            Console.WriteLine($"note: {note}");
        }

        return 0;
    }
}
