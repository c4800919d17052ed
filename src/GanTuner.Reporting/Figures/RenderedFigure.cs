namespace GanTuner.Reporting.Figures;

/// <summary>A figure as the report carries it: the PNG bytes, or, when the study cannot supply its inputs,
/// no image and the reason (<see cref="Omitted"/>) that the page shows in its place.</summary>
public sealed record RenderedFigure(FigureInfo Info, byte[]? Png, string? Omitted)
{
    public bool IsRendered => Png is not null;
}
