namespace GanTuner.Data;

/// <summary>Which price column of a file becomes the modelled series.</summary>
public enum PriceColumn
{
    /// <summary>The close as traded.</summary>
    Close,

    /// <summary>The close adjusted for splits and dividends.</summary>
    AdjClose,
}
