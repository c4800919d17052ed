namespace GanTuner.Forecasting;

/// <summary>
/// Early stopping on the objective split's loss with restore-best-weights, as Keras's
/// <c>EarlyStopping(monitor="val_loss", patience, restore_best_weights=True)</c>: training stops once
/// <see cref="Patience"/> epochs in a row have not improved on the best loss, and the weights of the best
/// epoch are the ones scored and kept. Two budgets bound it: a small series may get more epochs than
/// <c>--epochs</c> (up to <see cref="MaxEpochs"/>) to reach <see cref="MinSteps"/> optimiser steps, and a
/// large series never trains beyond <c>--epochs</c>.
/// </summary>
/// <remarks>
/// The extra epochs are for a trial that is still learning. One whose loss has stalled for
/// <see cref="Patience"/> epochs once <c>--epochs</c> are done stops there even short of the steps:
/// otherwise every large-batch trial of a flat configuration ran the whole cap (measured: 30 epochs,
/// 3 times the paper's cost, for no better loss), and hopeless trials are the ones to keep short.
/// </remarks>
/// <param name="Patience">Epochs without improvement before stopping.</param>
/// <param name="MinSteps">Optimiser steps before stopping is allowed; the epoch budget grows to reach them.</param>
/// <param name="MaxEpochs">Cap on the epochs a small series may be extended to.</param>
public sealed record EarlyStopping(int Patience = 3, int MinSteps = 300, int MaxEpochs = 30)
{
    /// <summary>The epochs to run at most for <paramref name="batchesPerEpoch"/> steps per epoch and <paramref name="epochs"/> asked for.</summary>
    public int EpochBudget(int epochs, int batchesPerEpoch)
    {
        var forSteps = (MinSteps + Math.Max(1, batchesPerEpoch) - 1) / Math.Max(1, batchesPerEpoch);
        return Math.Max(epochs, Math.Min(MaxEpochs, forSteps));
    }

    /// <summary>
    /// Whether to stop after <paramref name="epoch"/> (1-based), with the best loss at
    /// <paramref name="bestEpoch"/>, <paramref name="steps"/> optimiser steps taken and
    /// <paramref name="epochs"/> asked for.
    /// </summary>
    public bool ShouldStop(int epoch, int bestEpoch, long steps, int epochs) =>
        epoch - bestEpoch >= Patience && (steps >= MinSteps || epoch >= epochs);

    /// <summary>Why these settings cannot be used, or null.</summary>
    public string? Problem() =>
        Patience < 1 ? "the patience must be at least 1 epoch"
        : MinSteps < 0 ? "the minimum number of steps cannot be negative"
        : MaxEpochs < 1 ? "the epoch cap must be at least 1" : null;
}
