using GanTuner.Reporting.Figures;

namespace GanTuner.Reporting;

/// <summary>Where a written report lies: the page, the figure files, the figures that were omitted (with
/// their reasons) and the page's notes, so a command can say so.</summary>
public sealed record ReportFiles(
    string Directory, string Page, IReadOnlyList<string> FigureFiles, IReadOnlyList<RenderedFigure> Omitted, IReadOnlyList<string> Notes);
