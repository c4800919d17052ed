namespace GanTuner.Reporting.Model;

/// <summary>The min-max scaler the study used: values map to (x − Min) / (Max − Min). <see cref="FittedOn"/>
/// says which rows it saw (the training part under holdout, the whole series under the paper protocols),
/// because that is why a normalised test period may leave [0, 1].</summary>
public sealed record ScalerRange(double Min, double Max, string FittedOn)
{
    public double Scale(double value) => (value - Min) / (Max - Min);
}
