namespace GanTuner.Neural.Tests;

public sealed class OptimizerReferenceTests
{
    public static TheoryData<int> CaseIndices() => [.. Enumerable.Range(0, Fixture.Cases("optimizer_cases.json").Count)];

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void Optimizer_steps_match_pytorch(int index)
    {
        var c = Fixture.Cases("optimizer_cases.json")[index];
        var settings = c.GetProperty("settings");
        var lr = settings.GetProperty("lr").GetDouble();
        var eps = settings.GetProperty("eps").GetDouble();
        IOptimizer optimizer = c.GetProperty("kind").GetString() switch
        {
            "adam_steps" => new Adam(new AdamOptions(
                lr,
                settings.GetProperty("betas")[0].GetDouble(),
                settings.GetProperty("betas")[1].GetDouble(),
                eps)),
            "adagrad_steps" => new Adagrad(new AdagradOptions(lr, settings.GetProperty("initial_accumulator_value").GetDouble(), eps)),
            var other => throw new InvalidOperationException(other),
        };

        var p0 = c.Doubles("p0");
        var parameter = new Parameter("p", p0.Length);
        p0.CopyTo(parameter.Value, 0);
        foreach (var grad in c.GetProperty("grads").EnumerateArray())
        {
            grad.EnumerateArray().Select(v => v.GetDouble()).ToArray().CopyTo(parameter.Grad, 0);
            optimizer.Update([parameter]);
        }

        Fixture.AssertClose(c.Doubles("p_final"), parameter.Value, 1e-9, 1e-12, "p_final");
    }

    [Fact]
    public void Flat_adam_in_single_precision_tracks_double_precision()
    {
        var c = Fixture.Cases("optimizer_cases.json").First(e => e.GetProperty("kind").GetString() == "adam_steps");
        var settings = c.GetProperty("settings");
        var options = new AdamOptions(settings.GetProperty("lr").GetDouble(), Epsilon: settings.GetProperty("eps").GetDouble());
        // 7 values: shorter than one Vector512<float>, so repeat them to cover the vector path too.
        var p0 = Enumerable.Repeat(c.Doubles("p0"), 5).SelectMany(v => v).ToArray();
        var values = p0.Select(v => (float)v).ToArray();
        var m = new float[values.Length];
        var v = new float[values.Length];
        var step = 0;
        foreach (var grad in c.GetProperty("grads").EnumerateArray())
        {
            var g = Enumerable.Repeat(grad.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray(), 5).SelectMany(x => x).ToArray();
            Adam.UpdateFlat<float>(values, g, m, v, ++step, options);
        }

        var expected = Enumerable.Repeat(c.Doubles("p_final"), 5).SelectMany(x => x).ToArray();
        Fixture.AssertClose(expected, values.Select(x => (double)x).ToArray(), 1e-4, 1e-6, "p_final");
    }

    [Fact]
    public void Adagrad_starts_its_accumulator_at_the_configured_value()
    {
        var parameter = new Parameter("p", 1);
        parameter.Grad[0] = 1.0;
        new Adagrad(new AdagradOptions(LearningRate: 1.0, InitialAccumulatorValue: 3.0, Epsilon: 0.0)).Update([parameter]);
        Assert.Equal(-0.5, parameter.Value[0], 12);
    }

}
