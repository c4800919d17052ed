namespace GanTuner.Reporting.Figures;

/// <summary>Values on an axis that may be logarithmic: the figures plot <see cref="Plotted"/> and label the
/// axis accordingly, so a decision about scale is made once per axis.</summary>
internal sealed class ScaledValues
{
    private ScaledValues(double[] plotted, bool log)
    {
        Plotted = plotted;
        IsLog = log;
    }

    public double[] Plotted { get; }

    public bool IsLog { get; }

    public static ScaledValues Of(IReadOnlyCollection<double> values, bool log) =>
        log ? new ScaledValues(LogAxis.Transform(values), true) : new ScaledValues([.. values], false);

    public static ScaledValues Auto(IReadOnlyCollection<double> values) => Of(values, LogAxis.Suits(values));

    public double Map(double value) => IsLog ? Math.Log10(value) : value;

    public string Label(string name) => IsLog ? name + " (log scale)" : name;
}
