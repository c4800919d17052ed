namespace GanTuner.Forecasting;

/// <summary>
/// Where a running trial is, reported after every batch (a value type, so reporting allocates nothing).
/// </summary>
/// <param name="Epoch">Current epoch, from 1.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="MeanTrainLoss">Mean batch loss so far in this epoch (scaled units).</param>
/// <param name="EpochFinished">True on the report that closes an epoch (after its validation loss is known).</param>
/// <param name="ValidationLoss">The epoch's loss (MSE in scaled units) on the objective split when <paramref name="EpochFinished"/>, else NaN.</param>
/// <param name="Objective">The epoch's <see cref="ObjectiveMeasure"/> on the objective split when <paramref name="EpochFinished"/>
/// (what the pruner compares), else NaN. Equal to <paramref name="ValidationLoss"/> under global scaling.</param>
public readonly record struct TrialProgress(int Epoch, int Epochs, int Batch, int Batches, double MeanTrainLoss, bool EpochFinished, double ValidationLoss, double Objective);
