namespace GanTuner.Reporting.Figures;

/// <summary>The part of the page a figure belongs to, in page order.</summary>
public enum FigureSection
{
    Data,
    Search,
    Errors,
    Resources,
    Forecast,
    Hyperparameters,
    Comparison,
}
