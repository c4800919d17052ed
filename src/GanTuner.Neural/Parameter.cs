namespace GanTuner.Neural;

/// <summary>
/// A trainable tensor: its values and the gradient accumulated for them, both flat and row-major.
/// Optimizers step over a list of these; <see cref="Grad"/> accumulates until zeroed.
/// </summary>
public sealed class Parameter
{
    /// <summary>A zero parameter with the given name and shape.</summary>
    public Parameter(string name, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Name = name;
        Shape = (int[])shape.Clone();
        var size = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d);
            size = checked(size * d);
        }

        Value = new double[size];
        Grad = new double[size];
    }

    /// <summary>A readable name, e.g. "layer0.weight".</summary>
    public string Name { get; }

    /// <summary>Dimensions; a weight is [outputs, inputs] as in PyTorch.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Current values (writable: optimizers and loaders update them in place).</summary>
    public double[] Value { get; }

    /// <summary>Accumulated gradient of the loss with respect to <see cref="Value"/>.</summary>
    public double[] Grad { get; }

    /// <summary>Number of scalars.</summary>
    public int Length => Value.Length;

    /// <summary>Sets the gradient to zero.</summary>
    public void ZeroGrad() => Array.Clear(Grad);
}
