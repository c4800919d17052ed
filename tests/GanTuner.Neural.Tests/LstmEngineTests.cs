using GanTuner.Neural.Kernels;
using GanTuner.Neural.Lstm;

namespace GanTuner.Neural.Tests;

public sealed class LstmEngineTests
{
    [Fact]
    public void Keras_initialisation_sets_forget_bias_to_one_and_orthogonal_recurrent_kernels()
    {
        var network = new LstmNetwork<double>(new LstmSpec(2, 5));
        network.InitializeKeras(new SeededRandom(1));

        for (var l = 0; l < 2; l++)
        {
            var (wIh, wHh, bias) = network.GetLayer(l);
            Assert.Equal(Enumerable.Repeat(0.0, 5).Concat(Enumerable.Repeat(1.0, 5)).Concat(Enumerable.Repeat(0.0, 10)), bias);
            var limit = Math.Sqrt(6.0 / (network.Spec.LayerInputs(l) + 20));
            Assert.All(wIh, w => Assert.InRange(w, -limit, limit));
            // W_hh is Keras's [H × 4H] orthogonal kernel transposed: its H columns are orthonormal.
            for (var a = 0; a < 5; a++)
            {
                for (var b = 0; b < 5; b++)
                {
                    var dot = Enumerable.Range(0, 20).Sum(j => wHh[(j * 5) + a] * wHh[(j * 5) + b]);
                    Assert.Equal(a == b ? 1.0 : 0.0, dot, 10);
                }
            }
        }

        var (head, headBias) = network.GetHead();
        Assert.All(head, w => Assert.InRange(w, -Math.Sqrt(6.0 / 6), Math.Sqrt(6.0 / 6)));
        Assert.Equal(0.0, headBias);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void Dropout_masks_drop_at_the_rate_and_scale_the_rest(double rate)
    {
        var single = new float[10_003];
        var precise = new double[10_003];
        var random = new MaskRandom(1, 2, 3);
        random.Fill<float>(single, rate);
        random.Fill<double>(precise, rate);

        foreach (var mask in new[] { single.Select(v => (double)v).ToArray(), precise })
        {
            Assert.InRange(mask.Count(v => v == 0) / (double)mask.Length, rate - 0.02, rate + 0.02);
            Assert.All(mask.Where(v => v != 0), v => Assert.Equal(1.0 / (1.0 - rate), v, 6));
        }
    }

    [Fact]
    public void Dropout_masks_depend_on_seed_batch_and_chunk()
    {
        float[] Mask(ulong seed, ulong batch, ulong chunk)
        {
            var mask = new float[64];
            new MaskRandom(seed, batch, chunk).Fill<float>(mask, 0.5);
            return mask;
        }

        Assert.Equal(Mask(1, 2, 3), Mask(1, 2, 3));
        Assert.NotEqual(Mask(1, 2, 3), Mask(1, 2, 4));
        Assert.NotEqual(Mask(1, 2, 3), Mask(1, 3, 3));
        Assert.NotEqual(Mask(1, 2, 3), Mask(2, 2, 3));
    }

    [Fact]
    public void Training_with_dropout_is_bit_identical_for_the_same_seed_and_threads()
    {
        float[] Train()
        {
            var random = new SeededRandom(5);
            var network = new LstmNetwork<float>(new LstmSpec(2, 7, 0.3));
            network.InitializeKeras(random);
            var x = Enumerable.Range(0, 64 * 6).Select(_ => random.NextSingle()).ToArray();
            var y = Enumerable.Range(0, 64).Select(_ => random.NextSingle()).ToArray();
            using var trainer = new LstmTrainer<float>(network, new LstmTrainerOptions(6, 40, Threads: 2, Seed: 9));
            for (var step = 0; step < 5; step++)
            {
                trainer.TrainBatch(x, y, Enumerable.Range(step * 5, 40).ToArray());
            }

            return network.Parameters;
        }

        Assert.Equal(Train(), Train());
    }

    [Fact]
    public void Large_batches_are_cut_into_chunks_that_respect_the_memory_budget()
    {
        var spec = new LstmSpec(5, 50, 0.2);
        var network = new LstmNetwork<float>(spec);
        using var trainer = new LstmTrainer<float>(network, new LstmTrainerOptions(250, 2048, Threads: 2, MemoryBudgetBytes: 64L * 1024 * 1024));

        Assert.True(trainer.RowsPerChunk < 2048);
        Assert.True(trainer.WorkspaceBytes <= 64L * 1024 * 1024, $"{trainer.WorkspaceBytes} bytes");
    }

    [Fact]
    public void A_worker_failure_surfaces_on_the_calling_thread()
    {
        using var scheduler = new ChunkScheduler(2);
        var error = Assert.Throws<InvalidOperationException>(() => scheduler.Run(8, (chunk, _) =>
        {
            if (chunk == 5)
            {
                throw new InvalidOperationException("boom");
            }
        }));
        Assert.Equal("boom", error.InnerException?.Message);
    }

    [Fact]
    public void The_scheduler_runs_every_chunk_exactly_once_job_after_job()
    {
        using var scheduler = new ChunkScheduler(3);
        for (var job = 1; job <= 200; job++)
        {
            var runs = new int[job % 7 + 1];
            scheduler.Run(runs.Length, (chunk, _) => Interlocked.Increment(ref runs[chunk]));
            Assert.All(runs, count => Assert.Equal(1, count));
        }
    }
}
