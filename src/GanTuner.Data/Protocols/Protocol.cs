namespace GanTuner.Data.Protocols;

/// <summary>How a series is split into training, validation and test windows and where the scaler is fitted.</summary>
public enum Protocol
{
    /// <summary>Chronological 80/20 split; the last 10 % of the training part validates; scaler fitted on training rows only.</summary>
    Holdout,

    /// <summary>The paper's protocol: scaler over the whole series, chronological 80/20, test steers the search.</summary>
    Paper,

    /// <summary>As <see cref="Paper"/> but windows shuffled before the split. Leaks the future into training.</summary>
    PaperShuffled,

    /// <summary>
    /// Chronological 80/20; the first 80 % (the development part) holds K folds, each validating on a later block
    /// and trained (scaler included) on the rows before it only; the search minimises the folds' mean validation objective.
    /// </summary>
    WalkForward,
}
