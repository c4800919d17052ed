namespace GanTuner.Data.Protocols;

/// <summary>Everything that decides how a price series becomes model windows.</summary>
/// <param name="SequenceLength">L: each window's input is the L values before its target day.</param>
/// <param name="Protocol">Split and scaler rules.</param>
/// <param name="Target">Level or log return.</param>
/// <param name="Column">Which price column is modelled.</param>
/// <param name="ShuffleSeed">Seed of the window shuffle under <see cref="Protocol.PaperShuffled"/>; unused otherwise.</param>
/// <param name="Scaling">One min–max scaler for all windows (the paper's way), or each window relative to itself.</param>
/// <param name="Features">The inputs at each time step: the close, and optionally its return, the day's range and the volume.</param>
/// <param name="Folds">Walk-forward only: the number of folds K (at least 2).</param>
/// <param name="FoldWindow">Walk-forward only: expanding or sliding training rows.</param>
public sealed record DatasetSpec(
    int SequenceLength,
    Protocol Protocol = Protocol.Holdout,
    ForecastTarget Target = ForecastTarget.Level,
    PriceColumn Column = PriceColumn.Close,
    int ShuffleSeed = 42,
    Scaling Scaling = Scaling.Global,
    InputFeatures Features = InputFeatures.Close,
    int Folds = DatasetSpec.DefaultFolds,
    FoldWindow FoldWindow = FoldWindow.Expanding)
{
    /// <summary>The folds of <c>--protocol walk-forward</c> when <c>--folds</c> is not given.</summary>
    public const int DefaultFolds = 5;
}
