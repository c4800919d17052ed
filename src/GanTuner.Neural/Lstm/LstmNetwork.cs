using System.Numerics;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// A stacked LSTM with a Dense(1) head: its <see cref="LstmSpec"/> and all its weights in ONE flat
/// vector (so that an optimizer steps once over everything). Holds no training logic.
/// </summary>
/// <remarks>
/// Layout of <see cref="Parameters"/>: for each layer l with I inputs, a fused kernel
/// W_l[4H × (I + H)] (row j = gate unit j in the order i, f, g, o, as PyTorch's rows; the first I
/// columns are PyTorch's W_ih, the last H its W_hh), then its bias b_l[4H]; finally the head's
/// weights [H] and bias [1]. Gradients from <see cref="LstmTrainer{T}"/> share this layout.
/// </remarks>
public sealed class LstmNetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _layerOffsets;

    /// <summary>A network with all weights zero.</summary>
    public LstmNetwork(LstmSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        _layerOffsets = new int[spec.Layers];
        var offset = 0;
        for (var l = 0; l < spec.Layers; l++)
        {
            _layerOffsets[l] = offset;
            offset += 4 * spec.Hidden * (spec.LayerInputs(l) + spec.Hidden + 1);
        }

        HeadOffset = offset;
        Parameters = new T[spec.ParameterCount];
    }

    /// <summary>The shape.</summary>
    public LstmSpec Spec { get; }

    /// <summary>Every weight, in the layout described on the class.</summary>
    public T[] Parameters { get; }

    /// <summary>Number of trainable scalars.</summary>
    public int ParameterCount => Parameters.Length;

    internal int HeadOffset { get; }

    /// <summary>
    /// Keras's initialisation: Glorot-uniform input kernels (fan-in I, fan-out 4H), an orthogonal
    /// recurrent kernel (the whole H × 4H matrix), zero biases except 1 on the forget gate, and a
    /// Glorot-uniform head with zero bias. Overwrites every parameter.
    /// </summary>
    public void InitializeKeras(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var spec = Spec;
        var h = spec.Hidden;
        for (var l = 0; l < spec.Layers; l++)
        {
            var inputs = spec.LayerInputs(l);
            var wIh = new T[4 * h * inputs];
            // Keras's kernel is [I × 4H]; drawing it row-major then transposing keeps the draw order Keras's.
            var kernel = new T[inputs * 4 * h];
            Initializers.GlorotUniform<T>(kernel, inputs, 4 * h, random);
            Transpose(kernel, inputs, 4 * h, wIh);
            var recurrent = new T[h * 4 * h];
            Initializers.Orthogonal<T>(recurrent, h, 4 * h, random);
            var wHh = new T[4 * h * h];
            Transpose(recurrent, h, 4 * h, wHh);
            var bias = new T[4 * h];
            bias.AsSpan(h, h).Fill(T.One);
            SetLayer(l, wIh, wHh, bias);
        }

        var head = new T[h];
        Initializers.GlorotUniform<T>(head, h, 1, random);
        SetHead(head, T.Zero);
    }

    /// <summary>Sets layer <paramref name="layer"/> from PyTorch-shaped W_ih [4H × I], W_hh [4H × H] and b [4H].</summary>
    public void SetLayer(int layer, ReadOnlySpan<T> weightsInput, ReadOnlySpan<T> weightsHidden, ReadOnlySpan<T> bias)
    {
        var (inputs, h) = (Spec.LayerInputs(layer), Spec.Hidden);
        CheckLength(weightsInput.Length, 4 * h * inputs, nameof(weightsInput));
        CheckLength(weightsHidden.Length, 4 * h * h, nameof(weightsHidden));
        CheckLength(bias.Length, 4 * h, nameof(bias));
        var k = inputs + h;
        var w = Parameters.AsSpan(LayerOffset(layer), 4 * h * k);
        for (var j = 0; j < 4 * h; j++)
        {
            weightsInput.Slice(j * inputs, inputs).CopyTo(w.Slice(j * k, inputs));
            weightsHidden.Slice(j * h, h).CopyTo(w.Slice((j * k) + inputs, h));
        }

        bias.CopyTo(Parameters.AsSpan(LayerOffset(layer) + (4 * h * k), 4 * h));
    }

    /// <summary>
    /// Layer <paramref name="layer"/> in PyTorch's shapes, read from <paramref name="flat"/> (the
    /// parameters, or a gradient vector in the same layout; default: the parameters).
    /// </summary>
    public (T[] WeightsInput, T[] WeightsHidden, T[] Bias) GetLayer(int layer, T[]? flat = null)
    {
        flat ??= Parameters;
        CheckLength(flat.Length, Parameters.Length, nameof(flat));
        var (inputs, h) = (Spec.LayerInputs(layer), Spec.Hidden);
        var k = inputs + h;
        var w = flat.AsSpan(LayerOffset(layer), 4 * h * k);
        var wIh = new T[4 * h * inputs];
        var wHh = new T[4 * h * h];
        for (var j = 0; j < 4 * h; j++)
        {
            w.Slice(j * k, inputs).CopyTo(wIh.AsSpan(j * inputs));
            w.Slice((j * k) + inputs, h).CopyTo(wHh.AsSpan(j * h));
        }

        return (wIh, wHh, flat.AsSpan(LayerOffset(layer) + (4 * h * k), 4 * h).ToArray());
    }

    /// <summary>Sets the Dense(1) head: weights [H] and bias.</summary>
    public void SetHead(ReadOnlySpan<T> weights, T bias)
    {
        CheckLength(weights.Length, Spec.Hidden, nameof(weights));
        weights.CopyTo(Parameters.AsSpan(HeadOffset, Spec.Hidden));
        Parameters[HeadOffset + Spec.Hidden] = bias;
    }

    /// <summary>The head's weights and bias, read from <paramref name="flat"/> (default: the parameters).</summary>
    public (T[] Weights, T Bias) GetHead(T[]? flat = null)
    {
        flat ??= Parameters;
        CheckLength(flat.Length, Parameters.Length, nameof(flat));
        return (flat.AsSpan(HeadOffset, Spec.Hidden).ToArray(), flat[HeadOffset + Spec.Hidden]);
    }

    /// <summary>The same network in another precision (e.g. float32 weights checked in float64).</summary>
    public LstmNetwork<TOther> Convert<TOther>()
        where TOther : unmanaged, IFloatingPointIeee754<TOther>
    {
        var other = new LstmNetwork<TOther>(Spec);
        for (var i = 0; i < Parameters.Length; i++)
        {
            other.Parameters[i] = TOther.CreateChecked(Parameters[i]);
        }

        return other;
    }

    internal int LayerOffset(int layer) => _layerOffsets[layer];

    private static void Transpose(ReadOnlySpan<T> source, int rows, int columns, Span<T> destination)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                destination[(c * rows) + r] = source[(r * columns) + c];
            }
        }
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected {expected} values, got {actual}.", name);
        }
    }
}
