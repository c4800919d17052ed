namespace GanTuner.Neural.Tests;

public sealed class MlpReferenceTests
{
    public static TheoryData<int> CaseIndices() => [.. Enumerable.Range(0, Fixture.Cases("mlp_bce_cases.json").Count)];

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void Mlp_with_bce_matches_pytorch_forward_and_backward(int index)
    {
        var c = Fixture.Cases("mlp_bce_cases.json")[index];
        var dims = c.GetProperty("dims").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        var mlp = Mlp.Create(dims, Activation.Relu, Activation.Sigmoid, new SeededRandom(1));
        var layers = c.GetProperty("layers").EnumerateArray().ToArray();
        for (var l = 0; l < layers.Length; l++)
        {
            layers[l].Doubles("W").CopyTo(mlp.Layers[l].Weight.Value, 0);
            layers[l].Doubles("b").CopyTo(mlp.Layers[l].Bias.Value, 0);
        }

        var x = new Matrix(c.GetProperty("x").GetProperty("shape")[0].GetInt32(), dims[0], c.Doubles("x"));
        var y = new Matrix(x.Rows, 1, c.Doubles("y"));

        mlp.ZeroGrad();
        var p = mlp.Forward(x);
        var (loss, gradP) = Losses.BinaryCrossEntropy(p, y);
        var gradX = mlp.Backward(gradP);

        Fixture.AssertClose(c.Doubles("p"), p.Data, 1e-9, 1e-12, "p");
        Fixture.AssertClose([c.GetProperty("loss").GetDouble()], [loss], 1e-9, 1e-12, "loss");
        Fixture.AssertClose(c.Doubles("grad_x"), gradX.Data, 1e-9, 1e-12, "grad_x");
        for (var l = 0; l < layers.Length; l++)
        {
            Fixture.AssertClose(layers[l].Doubles("grad_W"), mlp.Layers[l].Weight.Grad, 1e-9, 1e-12, $"layer{l}.grad_W");
            Fixture.AssertClose(layers[l].Doubles("grad_b"), mlp.Layers[l].Bias.Grad, 1e-9, 1e-12, $"layer{l}.grad_b");
        }
    }

    [Fact]
    public void Mlp_gradients_accumulate_until_zeroed()
    {
        var mlp = Mlp.Create([3, 4, 2], Activation.Tanh, Activation.Identity, new SeededRandom(7));
        var x = Matrix.FromRows([[0.1, -0.2, 0.3], [0.5, 0.4, -0.6]]);
        var target = new Matrix(2, 2);

        var (_, g) = Losses.MeanSquaredError(mlp.Forward(x), target);
        mlp.Backward(g);
        var once = (double[])mlp.Parameters[0].Grad.Clone();
        mlp.Backward(g);

        Fixture.AssertClose(once.Select(v => 2 * v).ToArray(), mlp.Parameters[0].Grad, 1e-14, 1e-15, "twice");
        mlp.ZeroGrad();
        Assert.All(mlp.Parameters, p => Assert.All(p.Grad, v => Assert.Equal(0.0, v)));
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Identity)]
    public void Mlp_gradients_match_finite_differences(Activation hidden)
    {
        var random = new SeededRandom(11);
        var mlp = Mlp.Create([4, 5, 3, 2], hidden, Activation.Sigmoid, random);
        var x = new Matrix(3, 4);
        var target = new Matrix(3, 2);
        for (var i = 0; i < x.Data.Length; i++)
        {
            x.Data[i] = random.NextGaussian();
        }

        for (var i = 0; i < target.Data.Length; i++)
        {
            target.Data[i] = random.NextDouble();
        }

        double Loss() => Losses.MeanSquaredError(mlp.Forward(x), target).Loss;

        mlp.ZeroGrad();
        var (_, g) = Losses.MeanSquaredError(mlp.Forward(x), target);
        var gradX = mlp.Backward(g);
        const double h = 1e-6;
        foreach (var p in mlp.Parameters)
        {
            for (var i = 0; i < p.Length; i++)
            {
                var keep = p.Value[i];
                p.Value[i] = keep + h;
                var up = Loss();
                p.Value[i] = keep - h;
                var down = Loss();
                p.Value[i] = keep;
                Assert.True(Math.Abs(((up - down) / (2 * h)) - p.Grad[i]) < 1e-7, $"{p.Name}[{i}]");
            }
        }

        for (var i = 0; i < x.Data.Length; i++)
        {
            var keep = x.Data[i];
            x.Data[i] = keep + h;
            var up = Loss();
            x.Data[i] = keep - h;
            var down = Loss();
            x.Data[i] = keep;
            Assert.True(Math.Abs(((up - down) / (2 * h)) - gradX.Data[i]) < 1e-7, $"x[{i}]");
        }
    }
}
