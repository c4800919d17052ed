namespace GanTuner.Forecasting.Skill;

/// <summary>How often a forecast called the direction of the next change, with the Pesaran–Timmermann test.</summary>
/// <param name="HitRate">Share of windows where the forecast's direction (up, or not up) matched the actual one.</param>
/// <param name="Statistic">Pesaran–Timmermann statistic, asymptotically standard normal under no skill; NaN when the forecast never changes its call.</param>
/// <param name="PValue">One-sided p-value (the alternative: the forecast calls direction better than chance); NaN with the statistic.</param>
/// <param name="Count">Windows.</param>
public sealed record DirectionalAccuracy(double HitRate, double Statistic, double PValue, int Count);
