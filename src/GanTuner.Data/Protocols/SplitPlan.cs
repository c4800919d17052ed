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
        var counts = Count(rows, sequenceLength, protocol, target);
        TrainEnd = (int)counts.TrainEnd;
        FitEnd = (int)counts.FitEnd;
        // Capped so that a sequence length near int.MaxValue cannot wrap around; no window exists then anyway.
        FirstTarget = (int)Math.Min(counts.FirstTarget, int.MaxValue);
        TrainWindows = (int)counts.Train;
        ValidationWindows = (int)counts.Validation;
        TestWindows = (int)counts.Test;
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
        new Counts(TrainEnd, FitEnd, FirstTarget, TrainWindows, ValidationWindows, TestWindows).IsUsable(Protocol);

    /// <summary>The fewest rows for which every split the protocol uses gets a window.</summary>
    /// <remarks>A long: for a sequence length near <see cref="int.MaxValue"/> no series can be long enough,
    /// and the message saying so must still name the number.</remarks>
    public static long MinimumRows(int sequenceLength, Protocol protocol, ForecastTarget target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        // Each split's window count never falls as rows are added, so usability is monotone in the row count
        // and a binary search finds the first usable length. Every split holds at least a tenth of the windows
        // once rows exceed ~1.4 L, so 100 (L + 10) rows are always usable.
        long low = sequenceLength + 2L, high = 100 * (sequenceLength + 10L);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Count(middle, sequenceLength, protocol, target).IsUsable(protocol))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    // The split arithmetic in 64 bits, shared by the constructor and MinimumRows.
    private static Counts Count(long rows, int sequenceLength, Protocol protocol, ForecastTarget target)
    {
        var trainEnd = (long)(rows * TrainFraction);
        // Holdout validates on the last tenth of the training part, so the scaler may only see what precedes it.
        var fitEnd = protocol == Protocol.Holdout ? trainEnd - (trainEnd / 10) : rows;
        var first = sequenceLength + (target == ForecastTarget.LogReturn ? 1L : 0L);
        var all = Math.Max(0, rows - first);
        var test = Math.Max(0, rows - Math.Max(first, trainEnd));
        return protocol switch
        {
            Protocol.Holdout => new Counts(trainEnd, fitEnd, first,
                Math.Max(0, fitEnd - first), Math.Max(0, trainEnd - Math.Max(first, fitEnd)), test),
            Protocol.Paper => new Counts(trainEnd, fitEnd, first, Math.Max(0, trainEnd - first), 0, test),
            Protocol.PaperShuffled => new Counts(trainEnd, fitEnd, first,
                (long)(all * TrainFraction), 0, all - (long)(all * TrainFraction)),
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
        };
    }

    private readonly record struct Counts(long TrainEnd, long FitEnd, long FirstTarget, long Train, long Validation, long Test)
    {
        public bool IsUsable(Protocol protocol) =>
            Train > 0 && Test > 0 && (protocol != Protocol.Holdout || Validation > 0);
    }
}
