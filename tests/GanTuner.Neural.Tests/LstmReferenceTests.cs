using System.Numerics;
using System.Text.Json;
using GanTuner.Neural.Lstm;

namespace GanTuner.Neural.Tests;

public sealed class LstmReferenceTests
{
    public static TheoryData<int> CaseIndices() => [.. Enumerable.Range(0, Fixture.Cases("lstm_cases.json").Count)];

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void Lstm_in_double_precision_matches_pytorch_to_1e_9(int index) =>
        CheckCase<double>(Fixture.Cases("lstm_cases.json")[index], forward: 1e-9, gradient: 1e-9, absolute: 1e-12);

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void Lstm_in_single_precision_matches_pytorch_within_float_tolerances(int index) =>
        CheckCase<float>(Fixture.Cases("lstm_cases.json")[index], forward: 1e-4, gradient: 1e-3, absolute: 1e-6);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Lstm_gradients_do_not_depend_on_how_the_batch_is_split(int threads)
    {
        var cases = Fixture.Cases("lstm_cases.json");
        var c = cases[cases.Count - 1];
        var (single, one) = Run<double>(c, threads: 1);
        // A tiny memory budget forces chunks of one SIMD width, so the 5-row batch really is split.
        var (split, many) = Run<double>(c, threads, memoryBudget: 1);
        using (one)
        using (many)
        {
            Assert.True(many.RowsPerChunk < c.GetProperty("batch").GetInt32(), "the batch must really be split");
            Fixture.AssertClose(single, split, 1e-12, 1e-15, "gradients");
        }
    }

    internal static LstmNetwork<T> LoadNetwork<T>(JsonElement c, LstmSpec spec)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var network = new LstmNetwork<T>(spec);
        var layers = c.GetProperty("lstm_layers").EnumerateArray().ToArray();
        for (var l = 0; l < layers.Length; l++)
        {
            network.SetLayer(l, Cast<T>(layers[l].Doubles("W_ih")), Cast<T>(layers[l].Doubles("W_hh")), Cast<T>(layers[l].Doubles("b")));
        }

        network.SetHead(Cast<T>(c.Doubles("head_W")), T.CreateChecked(c.Doubles("head_b")[0]));
        return network;
    }

    internal static T[] Cast<T>(double[] values)
        where T : unmanaged, IFloatingPointIeee754<T> => values.Select(T.CreateChecked).ToArray();

    private static double[] ToDoubles<T>(IEnumerable<T> values)
        where T : unmanaged, IFloatingPointIeee754<T> => values.Select(double.CreateChecked).ToArray();

    private static (double[] Gradients, LstmTrainer<T> Trainer) Run<T>(JsonElement c, int threads, long memoryBudget = 256L * 1024 * 1024)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var spec = new LstmSpec(c.GetProperty("layers").GetInt32(), c.GetProperty("hidden").GetInt32(), 0.0, c.GetProperty("input_size").GetInt32());
        var batch = c.GetProperty("batch").GetInt32();
        var network = LoadNetwork<T>(c, spec);
        var trainer = new LstmTrainer<T>(network, new LstmTrainerOptions(c.GetProperty("seq").GetInt32(), batch, Threads: threads, MemoryBudgetBytes: memoryBudget));
        trainer.ComputeGradients(Cast<T>(c.Doubles("x")), Cast<T>(c.Doubles("y")), Enumerable.Range(0, batch).ToArray(), training: false);
        return (ToDoubles(trainer.Gradients), trainer);
    }

    private static void CheckCase<T>(JsonElement c, double forward, double gradient, double absolute)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var spec = new LstmSpec(c.GetProperty("layers").GetInt32(), c.GetProperty("hidden").GetInt32(), 0.0, c.GetProperty("input_size").GetInt32());
        var batch = c.GetProperty("batch").GetInt32();
        var x = Cast<T>(c.Doubles("x"));
        var network = LoadNetwork<T>(c, spec);
        using var trainer = new LstmTrainer<T>(network, new LstmTrainerOptions(c.GetProperty("seq").GetInt32(), batch));
        var inputGradient = new T[x.Length];

        var loss = trainer.ComputeGradients(x, Cast<T>(c.Doubles("y")), Enumerable.Range(0, batch).ToArray(), training: false, inputGradient);

        Fixture.AssertClose([c.GetProperty("loss").GetDouble()], [loss], forward, absolute, "loss");
        var h = spec.Hidden;
        var lastH = c.Doubles("last_h");
        var lastC = c.Doubles("last_c");
        for (var l = 0; l < spec.Layers; l++)
        {
            Fixture.AssertClose(lastH.AsSpan(l * batch * h, batch * h).ToArray(), ToDoubles(trainer.FinalState(l, cell: false, batch)), forward, absolute, $"last_h[{l}]");
            Fixture.AssertClose(lastC.AsSpan(l * batch * h, batch * h).ToArray(), ToDoubles(trainer.FinalState(l, cell: true, batch)), forward, absolute, $"last_c[{l}]");
        }

        var predictions = new T[batch];
        trainer.Predict(x, predictions);
        Fixture.AssertClose(c.Doubles("pred"), ToDoubles(predictions), forward, absolute, "pred");

        var layers = c.GetProperty("lstm_layers").EnumerateArray().ToArray();
        for (var l = 0; l < spec.Layers; l++)
        {
            var (gIh, gHh, gB) = network.GetLayer(l, trainer.Gradients);
            Fixture.AssertClose(layers[l].Doubles("grad_W_ih"), ToDoubles(gIh), gradient, absolute, $"grad_W_ih[{l}]");
            Fixture.AssertClose(layers[l].Doubles("grad_W_hh"), ToDoubles(gHh), gradient, absolute, $"grad_W_hh[{l}]");
            Fixture.AssertClose(layers[l].Doubles("grad_b"), ToDoubles(gB), gradient, absolute, $"grad_b[{l}]");
        }

        var (gHead, gHeadB) = network.GetHead(trainer.Gradients);
        Fixture.AssertClose(c.Doubles("grad_head_W"), ToDoubles(gHead), gradient, absolute, "grad_head_W");
        Fixture.AssertClose(c.Doubles("grad_head_b"), [double.CreateChecked(gHeadB)], gradient, absolute, "grad_head_b");
        Fixture.AssertClose(c.Doubles("grad_x"), ToDoubles(inputGradient), gradient, absolute, "grad_x");
    }
}
