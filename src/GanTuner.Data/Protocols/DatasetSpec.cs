namespace GanTuner.Data.Protocols;

/// <summary>Everything that decides how a price series becomes model windows.</summary>
/// <param name="SequenceLength">L: each window's input is the L values before its target day.</param>
/// <param name="Protocol">Split and scaler rules.</param>
/// <param name="Target">Level or log return.</param>
/// <param name="Column">Which price column is modelled.</param>
/// <param name="ShuffleSeed">Seed of the window shuffle under <see cref="Protocol.PaperShuffled"/>; unused otherwise.</param>
/// <param name="Scaling">One min–max scaler for all windows (the paper's way), or each window relative to itself.</param>
/// <param name="Features">The inputs at each time step: the close, and optionally its return, the day's range and the volume.</param>
public sealed record DatasetSpec(
    int SequenceLength,
    Protocol Protocol = Protocol.Holdout,
    ForecastTarget Target = ForecastTarget.Level,
    PriceColumn Column = PriceColumn.Close,
    int ShuffleSeed = 42,
    Scaling Scaling = Scaling.Global,
    InputFeatures Features = InputFeatures.Close);
