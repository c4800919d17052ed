using System.Runtime.Intrinsics;
using GanTuner.Neural.Kernels;
using GanTuner.Neural.Lstm;

namespace GanTuner.Neural.Tests;

public sealed class ParallelPlanTests
{
    [Theory]
    [InlineData(ParallelPlanKind.Units, 1, 7, 16, 9, 0.0)]
    [InlineData(ParallelPlanKind.Units, 2, 13, 16, 11, 0.3)]
    [InlineData(ParallelPlanKind.Units, 3, 6, 13, 5, 0.2)]
    [InlineData(ParallelPlanKind.Units, 2, 5, 8, 4, 0.5)]
    [InlineData(ParallelPlanKind.Pipeline, 1, 7, 16, 9, 0.0)]
    [InlineData(ParallelPlanKind.Pipeline, 2, 13, 16, 11, 0.3)]
    [InlineData(ParallelPlanKind.Pipeline, 3, 6, 13, 5, 0.2)]
    [InlineData(ParallelPlanKind.Pipeline, 2, 5, 8, 4, 0.5)]
    [InlineData(ParallelPlanKind.Pipeline, 4, 9, 24, 2, 0.1)]
    [InlineData(ParallelPlanKind.Wavefront, 2, 13, 16, 11, 0.3)]
    [InlineData(ParallelPlanKind.Wavefront, 3, 6, 13, 5, 0.2)]
    [InlineData(ParallelPlanKind.Wavefront, 2, 5, 8, 4, 0.5)]
    [InlineData(ParallelPlanKind.Wavefront, 4, 9, 24, 2, 0.1)]
    [InlineData(ParallelPlanKind.Wavefront, 5, 7, 16, 6, 0.0)]
    public void A_team_plan_gives_the_bits_of_one_thread_every_time(ParallelPlanKind kind, int layers, int hidden, int batch, int sequence, double dropout)
    {
        var spec = new LstmSpec(layers, hidden, dropout);
        var serial = Train(spec, batch, sequence, threads: 1, ParallelPlanKind.Serial, steps: 4);
        for (var repeat = 0; repeat < 3; repeat++)
        {
            foreach (var threads in new[] { 2, 3 })
            {
                var team = Train(spec, batch, sequence, threads, kind, steps: 4);
                Assert.Equal(kind, team.Plan);
                Assert.Equal(serial.Parameters, team.Parameters);
                Assert.Equal(serial.Losses, team.Losses);
                Assert.Equal(serial.InputGradient, team.InputGradient);
                Assert.Equal(serial.Predictions, team.Predictions);
            }
        }
    }

    [Fact]
    public void The_rows_plan_repeats_its_bits_for_a_seed_and_thread_count()
    {
        var spec = new LstmSpec(2, 9, 0.2);
        var first = Train(spec, 48, 6, threads: 2, ParallelPlanKind.Rows, steps: 3);
        Assert.Equal(ParallelPlanKind.Rows, first.Plan);
        for (var repeat = 0; repeat < 3; repeat++)
        {
            var again = Train(spec, 48, 6, threads: 2, ParallelPlanKind.Rows, steps: 3);
            Assert.Equal(first.Parameters, again.Parameters);
            Assert.Equal(first.Losses, again.Losses);
        }
    }

    [Theory]
    [InlineData(ParallelPlanKind.Units)]
    [InlineData(ParallelPlanKind.Pipeline)]
    [InlineData(ParallelPlanKind.Wavefront)]
    public void A_team_plan_splits_a_batch_that_needs_several_chunks_in_order(ParallelPlanKind kind)
    {
        // A memory budget this small forces chunks of 8 rows, which the team runs one after another.
        var spec = new LstmSpec(2, 6, 0.2);
        var budget = LstmWorkspace<float>.BytesPerRow(spec, 5, sizeof(float)) * 8;
        var serial = Train(spec, 24, 5, threads: 1, ParallelPlanKind.Serial, steps: 3, budget);
        var team = Train(spec, 24, 5, threads: 2, kind, steps: 3, budget);
        Assert.Equal(8, team.RowsPerChunk);
        Assert.Equal(serial.Parameters, team.Parameters);
        Assert.Equal(serial.Losses, team.Losses);
    }

    [Fact]
    public void The_cost_model_runs_layers_at_once_on_small_batches_splits_wide_ones_and_leaves_tiny_layers_on_one_thread()
    {
        var wide = new LstmSpec(5, 48, 0.2);
        var small = ParallelPlan.Choose(wide, 16, 60, 2);
        // Batch 16 is one AVX-512 vector, too narrow to split by rows; with AVX2 it is two chunks of 8.
        Assert.Equal(Vector512.IsHardwareAccelerated ? ParallelPlanKind.Wavefront : ParallelPlanKind.Rows, small.Kind);
        if (Vector512.IsHardwareAccelerated)
        {
            Assert.Equal(ParallelPlanKind.Wavefront, ParallelPlan.Choose(new LstmSpec(2, 34, 0.2), 16, 30, 2).Kind);
            // A layer is a piece: a third thread would idle.
            Assert.Equal(2, ParallelPlan.Choose(new LstmSpec(2, 34, 0.2), 16, 30, 3).Threads);
        }

        Assert.Equal(2, small.Threads);
        Assert.True(small.Speedup > 1.25, $"speed-up {small.Speedup}");
        Assert.Equal(small, ParallelPlan.Choose(wide, 16, 60, 2));
        var pipeline = ParallelPlan.Choose(wide, 16, 60, 2, kind: ParallelPlanKind.Pipeline);
        Assert.True(pipeline.Speedup > 1.25, $"pipeline speed-up {pipeline.Speedup}");

        Assert.Equal(ParallelPlanKind.Rows, ParallelPlan.Choose(new LstmSpec(2, 24, 0.2), 512, 83, 2).Kind);
        Assert.Equal(ParallelPlanKind.Serial, ParallelPlan.Choose(wide, 16, 60, 1).Kind);
        // Tiny layers: a team's shared workspace costs more than it splits (one thread on AVX-512, rows on AVX2).
        var tinyKinds = new[] { ParallelPlan.Choose(new LstmSpec(1, 5, 0.3), 16, 7, 2).Kind, ParallelPlan.Choose(new LstmSpec(4, 6, 0.2), 16, 60, 2).Kind };
        Assert.All(tinyKinds, kind => Assert.Contains(kind, new[] { ParallelPlanKind.Serial, ParallelPlanKind.Rows }));
        Assert.Equal(1.0, ParallelPlan.Choose(wide, 16, 60, 1).Speedup);
    }

    [Fact]
    public void A_failing_piece_fails_the_run_and_leaves_the_team_usable()
    {
        using var team = new SpinTeam(2);
        var error = Assert.Throws<InvalidOperationException>(() => team.Run((_, cursor) =>
        {
            for (var piece = cursor.Begin(2); piece >= 0; piece = cursor.Next())
            {
                if (piece == 1)
                {
                    throw new ArithmeticException("piece 1");
                }
            }

            for (var piece = cursor.Begin(2); piece >= 0; piece = cursor.Next())
            {
            }
        }));
        Assert.IsType<ArithmeticException>(error.InnerException);

        var done = new int[8];
        team.Run((_, cursor) =>
        {
            for (var piece = cursor.Begin(8); piece >= 0; piece = cursor.Next())
            {
                Interlocked.Increment(ref done[piece]);
            }
        });
        Assert.All(done, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Owned_pieces_are_each_run_once_in_either_direction()
    {
        using var team = new SpinTeam(2);
        var done = new int[2, 5];
        for (var repeat = 0; repeat < 20; repeat++)
        {
            team.Run((member, cursor) =>
            {
                for (var piece = cursor.BeginOwned(5, 0, 1); piece >= 0; piece = cursor.Next())
                {
                    Interlocked.Increment(ref done[0, piece]);
                }

                for (var piece = cursor.BeginOwned(5, 4, -1); piece >= 0; piece = cursor.Next())
                {
                    Interlocked.Increment(ref done[1, piece]);
                }
            });
        }

        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(20, done[i / 5, i % 5]));
    }

    private static Outcome Train(LstmSpec spec, int batch, int sequence, int threads, ParallelPlanKind kind, int steps, long budget = ParallelPlan.DefaultMemoryBudgetBytes)
    {
        var random = new SeededRandom(11);
        var network = new LstmNetwork<float>(spec);
        network.InitializeKeras(random.Derive("init"));
        var n = batch * 2;
        var data = random.Derive("data");
        var windows = Enumerable.Range(0, n * sequence).Select(_ => (float)data.NextDouble()).ToArray();
        var targets = Enumerable.Range(0, n).Select(_ => (float)data.NextDouble()).ToArray();
        var options = new LstmTrainerOptions(sequence, batch, new AdamOptions(0.01), threads, 5, budget, kind);
        using var trainer = new LstmTrainer<float>(network, options);
        var losses = new List<double>();
        for (var s = 0; s < steps; s++)
        {
            var rows = Enumerable.Range(0, batch).Select(i => ((s * 7) + (i * 3)) % n).ToArray();
            losses.Add(trainer.TrainBatch(windows, targets, rows));
        }

        var inputGradient = new float[windows.Length];
        trainer.ComputeGradients(windows, targets, Enumerable.Range(0, batch).ToArray(), training: true, inputGradient);
        var predictions = new float[n];
        trainer.Predict(windows, predictions);
        return new Outcome(trainer.Plan.Kind, trainer.RowsPerChunk, network.Parameters.ToArray(), losses, inputGradient, predictions);
    }

    private sealed record Outcome(ParallelPlanKind Plan, int RowsPerChunk, float[] Parameters, List<double> Losses, float[] InputGradient, float[] Predictions);
}
