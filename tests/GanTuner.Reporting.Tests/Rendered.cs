using GanTuner.Reporting.Figures;
using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Tests;

/// <summary>The full sample model rendered once per test run: drawing and PNG-encoding sixteen HiDPI charts
/// costs seconds, and the page and writer tests only need the result.</summary>
internal static class Rendered
{
    private static readonly Lazy<IReadOnlyList<RenderedFigure>> FullFigures = new(() => FigureCatalog.RenderAll(SampleReports.Full()));

    public static (ReportModel Model, IReadOnlyList<RenderedFigure> Figures) Full => (SampleReports.Full(), FullFigures.Value);

    /// <summary>The trials-only sample with the figures it can supply taken from the full sample's rendering
    /// (for tests of the page's text and of the files written, not of the charts' content) and the others
    /// omitted with the reasons the catalogue gives.</summary>
    public static (ReportModel Model, IReadOnlyList<RenderedFigure> Figures) Trials
    {
        get
        {
            var model = SampleReports.Trials();
            var omitted = FigureCatalog.Omissions(model).ToDictionary(f => f.Info.Number);
            return (model, [.. FullFigures.Value.Select(f => omitted.GetValueOrDefault(f.Info.Number, f))]);
        }
    }
}
