using GanTuner.Neural.Lstm;

namespace GanTuner.Neural.Tests;

public sealed class LstmGradientCheckTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Lstm_gradients_match_finite_differences_on_random_shapes(int seed)
    {
        var random = new SeededRandom(seed);
        var spec = new LstmSpec(1 + random.NextInt(3), 1 + random.NextInt(6), seed % 2 == 0 ? 0.3 : 0.0, 1 + random.NextInt(2));
        var (seq, batch, threads) = (1 + random.NextInt(5), 1 + random.NextInt(19), 1 + random.NextInt(2));
        var network = new LstmNetwork<double>(spec);
        network.InitializeKeras(random);
        var x = Enumerable.Range(0, batch * seq * spec.InputSize).Select(_ => random.NextGaussian()).ToArray();
        var y = Enumerable.Range(0, batch).Select(_ => random.NextGaussian()).ToArray();
        var rows = Enumerable.Range(0, batch).Reverse().ToArray();
        using var trainer = new LstmTrainer<double>(network, new LstmTrainerOptions(seq, batch, Threads: threads, Seed: 99));
        var inputGradient = new double[x.Length];

        trainer.BatchCounter = 7;
        trainer.ComputeGradients(x, y, rows, training: true, inputGradient);
        var analytic = (double[])trainer.Gradients.Clone();

        double Loss()
        {
            trainer.BatchCounter = 7;
            return trainer.ComputeGradients(x, y, rows, training: true);
        }

        const double h = 1e-6;
        var p = network.Parameters;
        for (var i = 0; i < p.Length; i++)
        {
            var keep = p[i];
            p[i] = keep + h;
            var up = Loss();
            p[i] = keep - h;
            var down = Loss();
            p[i] = keep;
            var numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-6 + (1e-5 * Math.Abs(numeric)), $"{spec} seq {seq} batch {batch}: parameter {i}: numeric {numeric}, analytic {analytic[i]}");
        }

        for (var i = 0; i < x.Length; i++)
        {
            var keep = x[i];
            x[i] = keep + h;
            var up = Loss();
            x[i] = keep - h;
            var down = Loss();
            x[i] = keep;
            var numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - inputGradient[i]) <= 1e-6 + (1e-5 * Math.Abs(numeric)), $"x[{i}]: numeric {numeric}, analytic {inputGradient[i]}");
        }
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(33, 1)]
    [InlineData(48, 1)]
    [InlineData(64, 2)]
    public void Single_precision_kernels_agree_with_double_precision_at_every_vector_width(int batch, int threads)
    {
        var random = new SeededRandom(batch);
        var spec = new LstmSpec(2, 5, 0.0, 1);
        const int seq = 4;
        var network = new LstmNetwork<double>(spec);
        network.InitializeKeras(random);
        var x = Enumerable.Range(0, batch * seq).Select(_ => random.NextDouble()).ToArray();
        var y = Enumerable.Range(0, batch).Select(_ => random.NextDouble()).ToArray();
        var rows = Enumerable.Range(0, batch).ToArray();
        using var exact = new LstmTrainer<double>(network, new LstmTrainerOptions(seq, batch, Threads: 1));
        using var fast = new LstmTrainer<float>(network.Convert<float>(), new LstmTrainerOptions(seq, batch, Threads: threads));

        var lossExact = exact.ComputeGradients(x, y, rows);
        var lossFast = fast.ComputeGradients(x.Select(v => (float)v).ToArray(), y.Select(v => (float)v).ToArray(), rows);

        Fixture.AssertClose([lossExact], [lossFast], 1e-5, 1e-7, "loss");
        Fixture.AssertClose(exact.Gradients, fast.Gradients.Select(v => (double)v).ToArray(), 1e-3, 1e-6, "gradients");
    }
}
