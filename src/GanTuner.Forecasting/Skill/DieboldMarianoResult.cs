namespace GanTuner.Forecasting.Skill;

/// <summary>A Diebold–Mariano comparison of two forecasts' errors.</summary>
/// <param name="Statistic">The HLN-corrected statistic; negative when the first forecast has the smaller loss.</param>
/// <param name="PValue">Two-sided p-value from Student's t with n − 1 degrees of freedom.</param>
/// <param name="MeanLossDifference">Mean of d = e1² − e2² (price units squared).</param>
/// <param name="Count">Forecasts compared.</param>
public sealed record DieboldMarianoResult(double Statistic, double PValue, double MeanLossDifference, int Count);
