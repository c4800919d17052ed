using GanTuner.Neural;

namespace GanTuner.Tuning.Gan;

/// <summary>
/// The discriminator of section 3.6: dense ReLU layers and a sigmoid output giving the probability that a
/// configuration is "real" (one of the best so far) rather than "fake" (uniformly random), trained with
/// binary cross-entropy and Adam.
/// </summary>
internal sealed class ConfigurationDiscriminator
{
    private const double ProbabilityFloor = 1e-7;
    private readonly Mlp _network;
    private readonly Adam _optimizer;

    public ConfigurationDiscriminator(int dimensions, GanSettings settings, SeededRandom random)
    {
        var sizes = new List<int> { dimensions };
        sizes.AddRange(Enumerable.Repeat(settings.DiscriminatorHidden, settings.DiscriminatorLayers));
        sizes.Add(1);
        _network = Mlp.Create(sizes, Activation.Relu, Activation.Sigmoid, random, "discriminator");
        _optimizer = new Adam(new AdamOptions(settings.DiscriminatorLearningRate));
    }

    /// <summary>One BCE step on a batch; real and fake halves weigh the same whatever their sizes.</summary>
    public double Train(IReadOnlyList<double[]> real, IReadOnlyList<double[]> fake)
    {
        var batch = Matrix.FromRows([.. real, .. fake]);
        _network.ZeroGrad();
        var p = _network.Forward(batch);
        var grad = new Matrix(p.Rows, 1);
        var loss = 0.0;
        for (var r = 0; r < p.Rows; r++)
        {
            var isReal = r < real.Count;
            var weight = 0.5 / (isReal ? real.Count : fake.Count);
            var q = Math.Clamp(p[r, 0], ProbabilityFloor, 1 - ProbabilityFloor);
            loss -= weight * (isReal ? Math.Log(q) : Math.Log(1 - q));
            grad[r, 0] = weight * (isReal ? -1 / q : 1 / (1 - q));
        }

        _network.Backward(grad);
        _optimizer.Update(_network.Parameters);
        return loss;
    }

    /// <summary>
    /// The generator's adversarial loss mean(−log D(x)) over the rows of <paramref name="points"/>, scaled by
    /// <paramref name="weight"/>, and its gradient with respect to the points. The discriminator's own
    /// parameters are left untouched.
    /// </summary>
    public (double Loss, Matrix Gradient) RealnessLoss(Matrix points, double weight)
    {
        var p = _network.Forward(points);
        var grad = new Matrix(p.Rows, 1);
        var loss = 0.0;
        for (var r = 0; r < p.Rows; r++)
        {
            var q = Math.Max(p[r, 0], ProbabilityFloor);
            loss -= weight * Math.Log(q) / p.Rows;
            grad[r, 0] = -weight / (q * p.Rows);
        }

        var inputGrad = _network.Backward(grad);
        _network.ZeroGrad();
        return (loss, inputGrad);
    }
}
