namespace GanTuner.Data.Protocols;

/// <summary>The rows of one walk-forward fold: it trains (and fits its scaler) on rows [<see cref="FitStart"/>,
/// <see cref="ValidationStart"/>) and validates on the targets [<see cref="ValidationStart"/>, <see cref="ValidationEnd"/>).</summary>
/// <param name="Fold">0 for the earliest fold.</param>
/// <param name="FitStart">First row the fold's training windows and scaler see.</param>
/// <param name="ValidationStart">First validation target; no row from here on reaches the fold's training or scaler.</param>
/// <param name="ValidationEnd">End (exclusive) of the validation block; the last fold's is the test part's start.</param>
public sealed record FoldPlan(int Fold, int FitStart, int ValidationStart, int ValidationEnd)
{
    public int ValidationWindows => ValidationEnd - ValidationStart;
}
