namespace GanTuner.Tuning.Comparison;

/// <summary>How a <see cref="WilcoxonResult"/>'s p-value was computed.</summary>
public enum WilcoxonMethod
{
    /// <summary>The exact distribution of the signed-rank sum given the observed ranks (ties kept as mid-ranks):
    /// every one of the 2^n sign assignments equally likely under the null hypothesis.</summary>
    Exact,

    /// <summary>The normal approximation with the tie correction of the variance and a continuity correction of 0.5.</summary>
    Normal,
}
