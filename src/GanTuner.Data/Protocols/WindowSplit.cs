namespace GanTuner.Data.Protocols;

/// <summary>
/// The windows of one split, laid out for a training engine: flat arrays, no per-window objects. Window i's input
/// is <c>Inputs[i*L*F .. (i+1)*L*F)</c>, time step by time step (oldest first) with the F features of a step side by
/// side, the close first; its scaled target is <c>Targets[i]</c>.
/// Price-unit facts sit beside it so metrics can be computed in both units on exactly the same windows.
/// </summary>
public sealed class WindowSplit
{
    internal WindowSplit(
        SplitKind kind,
        int sequenceLength,
        int features,
        int[] targetRows,
        DateOnly[] targetDates,
        float[] inputs,
        float[] targets,
        float[] naiveTargets,
        double[] previousClose,
        double[] actualClose,
        WindowFrame[] frames)
    {
        Frames = frames;
        Kind = kind;
        SequenceLength = sequenceLength;
        Features = features;
        TargetRows = targetRows;
        TargetDates = targetDates;
        Inputs = inputs;
        Targets = targets;
        NaiveTargets = naiveTargets;
        PreviousClose = previousClose;
        ActualClose = actualClose;
    }

    public SplitKind Kind { get; }

    public int SequenceLength { get; }

    /// <summary>Inputs per time step (1: the close alone).</summary>
    public int Features { get; }

    public int Count => Targets.Length;

    /// <summary>Row-major [Count × SequenceLength × Features] scaled inputs.</summary>
    public float[] Inputs { get; }

    /// <summary>Scaled target of each window.</summary>
    public float[] Targets { get; }

    /// <summary>The persistence forecast (tomorrow = today) in scaled units: the last close for level, a zero return for log-return.</summary>
    public float[] NaiveTargets { get; }

    /// <summary>Close on the day before each target: the last known price, and the naive forecast in price units.</summary>
    public double[] PreviousClose { get; }

    /// <summary>Actual close on each target day.</summary>
    public double[] ActualClose { get; }

    /// <summary>Row index in the series of each window's target day.</summary>
    public int[] TargetRows { get; }

    public DateOnly[] TargetDates { get; }

    /// <summary>Each window's map between raw values and scaled ones (one shared frame under global scaling).</summary>
    public WindowFrame[] Frames { get; }

    /// <summary>Window <paramref name="window"/>'s scaled inputs, [SequenceLength × Features].</summary>
    public ReadOnlySpan<float> Input(int window) => Inputs.AsSpan(window * SequenceLength * Features, SequenceLength * Features);
}
