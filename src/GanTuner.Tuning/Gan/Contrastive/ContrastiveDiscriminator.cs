using GanTuner.Neural;

namespace GanTuner.Tuning.Gan.Contrastive;

/// <summary>One discriminator of the second-generation GAN: an MLP (tanh hidden layers, one logit out) on
/// the centred cube coordinates 2x − 1, trained by weighted binary cross-entropy with Adam.</summary>
internal sealed class ContrastiveDiscriminator
{
    private readonly Mlp _network;
    private readonly Adam _optimizer;

    public ContrastiveDiscriminator(int dimensions, int hidden, int layers, double learningRate, SeededRandom random)
    {
        var sizes = new List<int> { dimensions };
        sizes.AddRange(Enumerable.Repeat(hidden, layers));
        sizes.Add(1);
        _network = Mlp.Create(sizes, Activation.Tanh, Activation.Identity, random, "discriminator");
        _optimizer = new Adam(new AdamOptions(learningRate));
    }

    /// <summary>One full-batch step: each row r costs weight[r]·softplus(∓logit) (real: label true), the logit being
    /// the network's plus <paramref name="margins"/>[r] when a base margin is given.</summary>
    public void Train(Matrix centred, bool[] real, double[] weights, double[]? margins = null)
    {
        _network.ZeroGrad();
        var logits = _network.Forward(centred);
        var grad = new Matrix(logits.Rows, 1);
        for (var r = 0; r < logits.Rows; r++)
        {
            var logit = margins is null ? logits[r, 0] : logits[r, 0] + margins[r];
            grad[r, 0] = weights[r] * (Sigmoid(logit) - (real[r] ? 1.0 : 0.0));
        }

        _network.Backward(grad);
        _optimizer.Update(_network.Parameters);
    }

    /// <summary>The logit of "real" for each row of centred points.</summary>
    public double[] Logits(Matrix centred)
    {
        var logits = _network.Forward(centred);
        return [.. Enumerable.Range(0, logits.Rows).Select(r => logits[r, 0])];
    }

    /// <summary>Adds to <paramref name="gradient"/> the gradient, with respect to the cube points, of
    /// <paramref name="weight"/>·mean(−log D(x)) over the rows; the discriminator itself is left untouched. With a
    /// base margin (its values and their gradients in centred coordinates) the logit is the network's plus the margin.</summary>
    public void AddRealnessGradient(Matrix centred, Matrix gradient, double weight, (double[] Values, Matrix Gradient)? margins = null)
    {
        var logits = _network.Forward(centred);
        var grad = new Matrix(logits.Rows, 1);
        for (var r = 0; r < logits.Rows; r++)
        {
            var logit = margins is { } m ? logits[r, 0] + m.Values[r] : logits[r, 0];
            grad[r, 0] = weight * (Sigmoid(logit) - 1.0) / logits.Rows;
        }

        var input = _network.Backward(grad);
        _network.ZeroGrad();
        for (var k = 0; k < input.Data.Length; k++)
        {
            // x enters as 2x − 1.
            gradient.Data[k] += 2 * input.Data[k];
        }

        if (margins is { } margin)
        {
            for (var r = 0; r < logits.Rows; r++)
            {
                for (var c = 0; c < centred.Columns; c++)
                {
                    gradient[r, c] += 2 * grad[r, 0] * margin.Gradient[r, c];
                }
            }
        }
    }

    /// <summary>Cube points as the network reads them.</summary>
    public static Matrix Centre(IReadOnlyList<double[]> points)
    {
        var m = Matrix.FromRows(points);
        for (var k = 0; k < m.Data.Length; k++)
        {
            m.Data[k] = (2 * m.Data[k]) - 1;
        }

        return m;
    }

    public static Matrix Centre(Matrix points)
    {
        var m = points.Clone();
        for (var k = 0; k < m.Data.Length; k++)
        {
            m.Data[k] = (2 * m.Data[k]) - 1;
        }

        return m;
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
