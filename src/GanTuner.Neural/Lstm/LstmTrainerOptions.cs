namespace GanTuner.Neural.Lstm;

/// <summary>How an <see cref="LstmTrainer{T}"/> runs.</summary>
/// <param name="SequenceLength">Time steps per window.</param>
/// <param name="MaxBatchSize">Largest batch that will be passed (workspaces are sized from it).</param>
/// <param name="Adam">Optimizer settings (Keras's defaults unless given).</param>
/// <param name="Threads">Worker threads; a batch is split into row chunks across them.</param>
/// <param name="Seed">Seed of the dropout masks.</param>
/// <param name="MemoryBudgetBytes">Cap on all workspaces together; large batches are then processed in several chunks per worker.</param>
/// <param name="Plan">Forces how batches use the threads (null: <see cref="ParallelPlan.Choose"/> decides).</param>
public sealed record LstmTrainerOptions(
    int SequenceLength,
    int MaxBatchSize,
    AdamOptions? Adam = null,
    int Threads = 1,
    ulong Seed = 0,
    long MemoryBudgetBytes = ParallelPlan.DefaultMemoryBudgetBytes,
    ParallelPlanKind? Plan = null);
