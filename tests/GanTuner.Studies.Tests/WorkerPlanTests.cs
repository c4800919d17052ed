using GanTuner.Studies.Tune;
using GanTuner.Tuning;

namespace GanTuner.Studies.Tests;

public sealed class WorkerPlanTests
{
    // Small networks on batches of 16: one SIMD vector of rows per thread, so threads inside a trial gain little.
    private static readonly SearchSpace Small = SearchSpace.Parse("""
        { "parameters": [
          { "name": "layers", "kind": "integer", "low": 1, "high": 2 },
          { "name": "units", "kind": "integer", "low": 4, "high": 12 },
          { "name": "learning_rate", "kind": "real", "low": 0.001, "high": 0.1, "log": true },
          { "name": "batch_size", "kind": "power_of_two", "low": 16, "high": 16 },
          { "name": "dropout", "kind": "stepped", "low": 0.1, "high": 0.3, "step": 0.1 },
          { "name": "sequence_length", "kind": "integer", "low": 10, "high": 40 } ] }
        """);

    [Fact]
    public void Small_batch_trials_run_side_by_side_because_threads_inside_a_trial_gain_less()
    {
        var plan = WorkerPlan.Choose(Small, cores: 2, iterations: 20);

        Assert.Equal((2, 1), (plan.Workers, plan.ThreadsPerTrial));
        Assert.InRange(plan.OneWorkerSpeedup, 1.0, 1.8);
        Assert.True(plan.Speedup > plan.OneWorkerSpeedup * 1.05, $"{plan.Speedup} vs {plan.OneWorkerSpeedup}");
    }

    [Fact]
    public void On_table_1_the_choice_is_never_worse_than_one_trial_on_every_core()
    {
        var plan = WorkerPlan.Choose(SearchSpace.Table1(), cores: 2, iterations: 20);

        Assert.InRange(plan.Workers, 1, 2);
        Assert.Equal(2 / plan.Workers, plan.ThreadsPerTrial);
        Assert.True(plan.Speedup >= plan.OneWorkerSpeedup);
    }

    [Fact]
    public void One_core_or_one_trial_left_means_one_worker_on_every_core()
    {
        Assert.Equal(new WorkerPlan(1, 1, 1.0, 1.0), WorkerPlan.Choose(SearchSpace.Table1(), cores: 1, iterations: 20));

        var last = WorkerPlan.Choose(SearchSpace.Table1(), cores: 4, iterations: 1);
        Assert.Equal((1, 4), (last.Workers, last.ThreadsPerTrial));
    }

    [Fact]
    public void A_partial_last_round_counts_against_more_workers()
    {
        // Three trials on four cores: four workers would leave one idle, three on one thread each beat it.
        var plan = WorkerPlan.Choose(SearchSpace.Table1(), cores: 4, iterations: 3);

        Assert.True(plan.Workers <= 3, $"{plan.Workers} workers");
        Assert.Equal(plan, WorkerPlan.Choose(SearchSpace.Table1(), cores: 4, iterations: 3));
    }
}
