namespace GanTuner.Reporting.Html;

/// <summary>What a reader must know about a protocol before trusting the numbers (DESIGN.md, Protocols).</summary>
internal static class ProtocolNotes
{
    /// <summary>A warning for protocols whose test metrics are not an honest estimate, or null.</summary>
    public static string? Warning(string? protocol) => protocol?.ToUpperInvariant() switch
    {
        "PAPER-SHUFFLED" =>
            "Leaky protocol (paper-shuffled): windows were shuffled before the 80/20 split, so the model trained on " +
            "days after the ones it was tested on. Its errors are far below what a chronological split gives; use it " +
            "only to reproduce the paper's numbers, never to judge a forecaster.",
        "PAPER" =>
            "Paper protocol: the scaler saw the whole series and the tuner optimised the test MSE, so the test " +
            "metrics of the best trial are optimistic (they chose it). Use holdout for an honest test score.",
        _ => null,
    };
}
