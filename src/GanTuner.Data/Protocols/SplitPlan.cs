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

    /// <param name="rows">Rows of the series.</param>
    /// <param name="sequenceLength">L.</param>
    /// <param name="protocol">Split and scaler rules.</param>
    /// <param name="target">Level or log return.</param>
    /// <param name="folds">Walk-forward only: K, at least 2.</param>
    /// <param name="window">Walk-forward only: expanding or sliding training rows.</param>
    public SplitPlan(int rows, int sequenceLength, Protocol protocol, ForecastTarget target, int folds = DatasetSpec.DefaultFolds, FoldWindow window = FoldWindow.Expanding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        if (protocol == Protocol.WalkForward)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        }

        Rows = rows;
        SequenceLength = sequenceLength;
        Protocol = protocol;
        Target = target;
        var counts = Count(rows, sequenceLength, protocol, target, folds, window);
        TrainEnd = (int)counts.TrainEnd;
        FitStart = (int)counts.FitStart;
        FitEnd = (int)counts.FitEnd;
        // Capped so that a sequence length near int.MaxValue cannot wrap around; no window exists then anyway.
        FirstTarget = (int)Math.Min(counts.FirstTarget, int.MaxValue);
        TrainWindows = (int)counts.Train;
        ValidationWindows = (int)counts.Validation;
        TestWindows = (int)counts.Test;
        Folds = protocol == Protocol.WalkForward && IsUsable
            ? [.. Enumerable.Range(0, folds).Select(k => WalkForwardFold(rows, sequenceLength, target, folds, window, k))]
            : [];
    }

    public int Rows { get; }

    public int SequenceLength { get; }

    public Protocol Protocol { get; }

    public ForecastTarget Target { get; }

    /// <summary>Rows before this index form the training part (80 %, walk-forward's development part); the test part starts here.</summary>
    public int TrainEnd { get; }

    /// <summary>The first row the scaler and the training windows see: 0, except for a sliding walk-forward fold.</summary>
    public int FitStart { get; private init; }

    /// <summary>The scaler is fitted on rows before this index (all rows under the paper protocols).</summary>
    public int FitEnd { get; private init; }

    /// <summary>The earliest row that has a full input window before it.</summary>
    public int FirstTarget { get; }

    /// <summary>The first training target: <see cref="FirstTarget"/> rows after <see cref="FitStart"/>, so that a
    /// training window's input never reaches before the rows its scaler was fitted on.</summary>
    public int TrainStart => FitStart + FirstTarget;

    public int TrainWindows { get; private init; }

    public int ValidationWindows { get; private init; }

    public int TestWindows { get; private init; }

    /// <summary>Walk-forward's folds, earliest first (empty for the other protocols). The plan itself is the last fold's
    /// (its training, validation and test windows); <see cref="Fold"/> gives the earlier ones.</summary>
    public IReadOnlyList<FoldPlan> Folds { get; private init; } = [];

    public SplitKind ObjectiveSplit => Protocol.ObjectiveSplit();

    /// <summary>The plan of walk-forward fold <paramref name="fold"/>: its training rows, its validation block, and no
    /// test windows (only the last fold, the plan itself, scores the test part).</summary>
    public SplitPlan Fold(int fold)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fold, Folds.Count);
        var f = Folds[fold];
        return fold == Folds.Count - 1 ? this : this with
        {
            FitStart = f.FitStart,
            FitEnd = f.ValidationStart,
            TrainWindows = f.ValidationStart - (f.FitStart + FirstTarget),
            ValidationWindows = f.ValidationWindows,
            TestWindows = 0,
            Folds = [],
        };
    }

    /// <summary>True when every split the protocol uses has at least one window.</summary>
    public bool IsUsable =>
        new Counts(TrainEnd, FitStart, FitEnd, FirstTarget, TrainWindows, ValidationWindows, TestWindows).IsUsable(Protocol);

    /// <summary>The fewest rows for which every split the protocol uses gets a window.</summary>
    /// <remarks>A long: for a sequence length near <see cref="int.MaxValue"/> no series can be long enough,
    /// and the message saying so must still name the number.</remarks>
    public static long MinimumRows(int sequenceLength, Protocol protocol, ForecastTarget target, int folds = DatasetSpec.DefaultFolds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        // Each split's window count never falls as rows are added, so usability is monotone in the row count
        // and a binary search finds the first usable length. Every split holds at least a tenth of the windows
        // once rows exceed ~1.4 L, so 100 (L + 10) rows are always usable.
        // Walk-forward needs K + 1 development windows, so its bound grows with K.
        long low = sequenceLength + 2L, high = 100 * (sequenceLength + 10L + (protocol == Protocol.WalkForward ? folds : 0));
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Count(middle, sequenceLength, protocol, target, folds, FoldWindow.Expanding).IsUsable(protocol))
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
    private static Counts Count(long rows, int sequenceLength, Protocol protocol, ForecastTarget target, int folds, FoldWindow window)
    {
        var trainEnd = (long)(rows * TrainFraction);
        // Holdout validates on the last tenth of the training part, so the scaler may only see what precedes it.
        var fitEnd = protocol == Protocol.Holdout ? trainEnd - (trainEnd / 10) : rows;
        var first = sequenceLength + (target == ForecastTarget.LogReturn ? 1L : 0L);
        var all = Math.Max(0, rows - first);
        var test = Math.Max(0, rows - Math.Max(first, trainEnd));
        if (protocol == Protocol.WalkForward)
        {
            var (fitStart, validationStart, block) = WalkForwardGeometry(trainEnd, first, folds, window, folds - 1);
            return new Counts(trainEnd, fitStart, validationStart, first,
                Math.Max(0, validationStart - (fitStart + first)), block, test);
        }

        return protocol switch
        {
            Protocol.Holdout => new Counts(trainEnd, 0, fitEnd, first,
                Math.Max(0, fitEnd - first), Math.Max(0, trainEnd - Math.Max(first, fitEnd)), test),
            Protocol.Paper => new Counts(trainEnd, 0, fitEnd, first, Math.Max(0, trainEnd - first), 0, test),
            Protocol.PaperShuffled => new Counts(trainEnd, 0, fitEnd, first,
                (long)(all * TrainFraction), 0, all - (long)(all * TrainFraction)),
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
        };
    }

    /// <summary>
    /// Walk-forward fold <paramref name="fold"/>: the D = trainEnd − first development windows are cut into K + 1
    /// blocks of ⌊D / (K + 1)⌋ windows; the last K blocks validate the K folds in turn (the last one ends where test
    /// begins), and the first block, with the remainder, is the first fold's training. An expanding fold trains on
    /// everything before its block; a sliding one on as many rows as the first fold, just before its block. Usable
    /// exactly when a block holds a window, which only grows with the rows, so <see cref="MinimumRows"/> can search.
    /// </summary>
    private static (long FitStart, long ValidationStart, long Block) WalkForwardGeometry(long trainEnd, long first, int folds, FoldWindow window, int fold)
    {
        var block = Math.Max(0, trainEnd - first) / (folds + 1L);
        var firstValidation = trainEnd - (folds * block);
        var validationStart = firstValidation + (fold * block);
        return (window == FoldWindow.Sliding ? validationStart - firstValidation : 0, validationStart, block);
    }

    private static FoldPlan WalkForwardFold(int rows, int sequenceLength, ForecastTarget target, int folds, FoldWindow window, int fold)
    {
        var trainEnd = (long)(rows * TrainFraction);
        var first = sequenceLength + (target == ForecastTarget.LogReturn ? 1L : 0L);
        var (fitStart, validationStart, block) = WalkForwardGeometry(trainEnd, first, folds, window, fold);
        return new FoldPlan(fold, (int)fitStart, (int)validationStart, (int)(validationStart + block));
    }

    private readonly record struct Counts(long TrainEnd, long FitStart, long FitEnd, long FirstTarget, long Train, long Validation, long Test)
    {
        public bool IsUsable(Protocol protocol) =>
            Train > 0 && Test > 0 && (protocol is not (Protocol.Holdout or Protocol.WalkForward) || Validation > 0);
    }
}
