namespace GanTuner.Data.Protocols;

/// <summary>
/// Which rows each split's windows target, and which rows the scaler sees, for a series of a given length.
/// Windows are named by their target row t; the input of window t is rows t−L … t−1 (of prices, or of log
/// returns), so nothing at or after t ever enters it. The arithmetic mirrors the PyTorch anchor
/// (<c>n_train = int(n * 0.8)</c>; train targets before it, test targets from it on, looking back across it).
/// </summary>
public sealed record SplitPlan
{
    private const double TrainFraction = 0.8;

    public SplitPlan(int rows, int sequenceLength, Protocol protocol, ForecastTarget target)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        Rows = rows;
        SequenceLength = sequenceLength;
        Protocol = protocol;
        Target = target;
        TrainEnd = (int)(rows * TrainFraction);
        // Holdout validates on the last tenth of the training part, so the scaler may only see what precedes it.
        FitEnd = protocol == Protocol.Holdout ? TrainEnd - (TrainEnd / 10) : rows;
        FirstTarget = sequenceLength + (target == ForecastTarget.LogReturn ? 1 : 0);
        var all = Math.Max(0, rows - FirstTarget);
        switch (protocol)
        {
            case Protocol.Holdout:
                TrainWindows = Math.Max(0, FitEnd - FirstTarget);
                ValidationWindows = Math.Max(0, TrainEnd - Math.Max(FirstTarget, FitEnd));
                TestWindows = Math.Max(0, rows - Math.Max(FirstTarget, TrainEnd));
                break;
            case Protocol.Paper:
                TrainWindows = Math.Max(0, TrainEnd - FirstTarget);
                TestWindows = Math.Max(0, rows - Math.Max(FirstTarget, TrainEnd));
                break;
            case Protocol.PaperShuffled:
                TrainWindows = (int)(all * TrainFraction);
                TestWindows = all - TrainWindows;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null);
        }
    }

    public int Rows { get; }

    public int SequenceLength { get; }

    public Protocol Protocol { get; }

    public ForecastTarget Target { get; }

    /// <summary>Rows before this index form the training part (80 %); the test part starts here.</summary>
    public int TrainEnd { get; }

    /// <summary>The scaler is fitted on rows before this index (all rows under the paper protocols).</summary>
    public int FitEnd { get; }

    /// <summary>The earliest row that has a full input window before it.</summary>
    public int FirstTarget { get; }

    public int TrainWindows { get; }

    public int ValidationWindows { get; }

    public int TestWindows { get; }

    public SplitKind ObjectiveSplit => Protocol == Protocol.Holdout ? SplitKind.Validation : SplitKind.Test;

    /// <summary>True when every split the protocol uses has at least one window.</summary>
    public bool IsUsable =>
        TrainWindows > 0 && TestWindows > 0 && (Protocol != Protocol.Holdout || ValidationWindows > 0);

    public int Windows(SplitKind split) => split switch
    {
        SplitKind.Train => TrainWindows,
        SplitKind.Validation => ValidationWindows,
        SplitKind.Test => TestWindows,
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, null),
    };

    /// <summary>The fewest rows for which every split the protocol uses gets a window.</summary>
    public static int MinimumRows(int sequenceLength, Protocol protocol, ForecastTarget target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        // Each split's window count never falls as rows are added, so the first usable length is the minimum.
        // Every split holds at least a tenth of the windows once rows exceed ~1.4 L, so 100 L is a safe bound.
        var limit = 100 * (sequenceLength + 10);
        for (var rows = sequenceLength + 2; rows <= limit; rows++)
        {
            if (new SplitPlan(rows, sequenceLength, protocol, target).IsUsable)
            {
                return rows;
            }
        }

        throw new InvalidOperationException($"no series length up to {limit} rows suits {protocol} with L={sequenceLength}");
    }
}
