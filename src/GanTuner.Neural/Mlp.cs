namespace GanTuner.Neural;

/// <summary>
/// A multi-layer perceptron in double precision: a chain of <see cref="DenseLayer"/>s.
/// Typical use per step: <see cref="ZeroGrad"/>, <see cref="Forward"/>, a loss from <see cref="Losses"/>,
/// <see cref="Backward"/> with the loss gradient, then <see cref="IOptimizer.Update"/> over <see cref="Parameters"/>.
/// </summary>
public sealed class Mlp
{
    private readonly DenseLayer[] _layers;
    private readonly Parameter[] _parameters;

    /// <summary>
    /// Builds layers of sizes <paramref name="sizes"/>[0] → … → <paramref name="sizes"/>[^1];
    /// <paramref name="activations"/> has one entry per layer (sizes.Count − 1).
    /// Weights are Glorot-uniform from <paramref name="random"/>, biases zero.
    /// </summary>
    public Mlp(IReadOnlyList<int> sizes, IReadOnlyList<Activation> activations, SeededRandom random, string name = "mlp")
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(random);
        if (sizes.Count < 2)
        {
            throw new ArgumentException("An MLP needs at least an input and an output size.", nameof(sizes));
        }

        if (activations.Count != sizes.Count - 1)
        {
            throw new ArgumentException($"Expected {sizes.Count - 1} activations (one per layer), got {activations.Count}.", nameof(activations));
        }

        _layers = new DenseLayer[sizes.Count - 1];
        for (var i = 0; i < _layers.Length; i++)
        {
            _layers[i] = new DenseLayer(sizes[i], sizes[i + 1], activations[i], random, $"{name}.layer{i}");
        }

        _parameters = _layers.SelectMany(l => new[] { l.Weight, l.Bias }).ToArray();
    }

    /// <summary>
    /// Convenience: every hidden layer uses <paramref name="hidden"/>, the last <paramref name="output"/>.
    /// </summary>
    public static Mlp Create(IReadOnlyList<int> sizes, Activation hidden, Activation output, SeededRandom random, string name = "mlp")
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var activations = Enumerable.Repeat(hidden, Math.Max(0, sizes.Count - 2)).Append(output).ToArray();
        return new Mlp(sizes, activations, random, name);
    }

    /// <summary>The layers, input first.</summary>
    public IReadOnlyList<DenseLayer> Layers => _layers;

    /// <summary>Every trainable tensor (weight, bias per layer), in layer order.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Input width.</summary>
    public int Inputs => _layers[0].Inputs;

    /// <summary>Output width.</summary>
    public int Outputs => _layers[^1].Outputs;

    /// <summary>Total number of trainable scalars.</summary>
    public int ParameterCount => _parameters.Sum(p => p.Length);

    /// <summary>Maps a batch [batch × inputs] to a new matrix [batch × outputs], keeping what Backward needs.</summary>
    public Matrix Forward(Matrix input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Forward(x);
        }

        return x;
    }

    /// <summary>
    /// Backpropagates ∂L/∂output of the last <see cref="Forward"/>: adds every parameter's gradient
    /// and returns ∂L/∂input (used to chain a generator behind a discriminator).
    /// </summary>
    public Matrix Backward(Matrix gradOutput)
    {
        var g = gradOutput;
        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            g = _layers[i].Backward(g);
        }

        return g;
    }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.ZeroGrad();
        }
    }
}
