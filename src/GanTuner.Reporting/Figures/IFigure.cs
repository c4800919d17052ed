using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Figures;

/// <summary>One chart of the report, drawn from the report model alone.</summary>
internal interface IFigure
{
    FigureInfo Info { get; }

    /// <summary>Why the model cannot supply this figure's inputs, or null when it can be drawn.</summary>
    string? Unavailable(ReportModel model);

    /// <summary>The figure as PNG bytes; called only when <see cref="Unavailable"/> returned null.</summary>
    byte[] Render(ReportModel model);
}
