namespace GanTuner.Data.Protocols;

/// <summary>How model inputs and targets are scaled.</summary>
public enum Scaling
{
    /// <summary>One min–max scaler for the whole series, fitted on the fitting rows (the paper's way).</summary>
    Global,

    /// <summary>
    /// Each window relative to its own statistics (RevIN-style instance normalisation): centred on its last
    /// price (level) or on a zero return (log-return) and divided by its own typical change.
    /// </summary>
    Window,
}
