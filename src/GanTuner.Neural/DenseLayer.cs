using System.Runtime.CompilerServices;

namespace GanTuner.Neural;

/// <summary>
/// A fully connected layer y = act(x·Wᵀ + b) in double precision, with W stored [outputs, inputs]
/// as in PyTorch. It keeps its last input and output so that <see cref="Backward"/> can follow
/// <see cref="Forward"/>; gradients accumulate into <see cref="Weight"/> and <see cref="Bias"/>.
/// </summary>
public sealed class DenseLayer
{
    private Matrix? _lastInput;
    private Matrix? _lastOutput;

    /// <summary>A layer with Glorot-uniform weights and zero bias (Keras's defaults).</summary>
    public DenseLayer(int inputs, int outputs, Activation activation, SeededRandom random, string name = "dense")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;
        Activation = activation;
        Weight = new Parameter(name + ".weight", outputs, inputs);
        Bias = new Parameter(name + ".bias", outputs);
        Initializers.GlorotUniform<double>(Weight.Value, inputs, outputs, random);
    }

    /// <summary>Input width.</summary>
    public int Inputs { get; }

    /// <summary>Output width.</summary>
    public int Outputs { get; }

    /// <summary>The activation applied to the affine output.</summary>
    public Activation Activation { get; }

    /// <summary>W, shape [outputs, inputs].</summary>
    public Parameter Weight { get; }

    /// <summary>b, shape [outputs].</summary>
    public Parameter Bias { get; }

    /// <summary>Maps a batch [batch × inputs] to a new matrix [batch × outputs].</summary>
    // Optimised at first call: a tuner's Ask trains its small networks for a few hundred steps at once, which in a
    // new process (`gantuner ask`) would otherwise run mostly in unoptimised first-tier code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix Forward(Matrix input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Columns != Inputs)
        {
            throw new ArgumentException($"Expected {Inputs} input columns, got {input.Columns}.", nameof(input));
        }

        var output = new Matrix(input.Rows, Outputs);
        var w = Weight.Value;
        var b = Bias.Value;
        for (var r = 0; r < input.Rows; r++)
        {
            var x = input.Row(r);
            var y = output.Row(r);
            for (var o = 0; o < Outputs; o++)
            {
                var sum = b[o];
                var wRow = w.AsSpan(o * Inputs, Inputs);
                for (var i = 0; i < Inputs; i++)
                {
                    sum += wRow[i] * x[i];
                }

                y[o] = Activate(sum);
            }
        }

        _lastInput = input;
        _lastOutput = output;
        return output;
    }

    /// <summary>
    /// Given ∂L/∂output of the last <see cref="Forward"/> call, adds ∂L/∂W and ∂L/∂b to the
    /// parameters' gradients and returns ∂L/∂input as a new matrix.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix Backward(Matrix gradOutput)
    {
        ArgumentNullException.ThrowIfNull(gradOutput);
        var input = _lastInput ?? throw new InvalidOperationException("Backward called before Forward.");
        var output = _lastOutput!;
        if (gradOutput.Rows != output.Rows || gradOutput.Columns != Outputs)
        {
            throw new ArgumentException($"Expected a {output.Rows}×{Outputs} gradient, got {gradOutput.Rows}×{gradOutput.Columns}.", nameof(gradOutput));
        }

        var gradInput = new Matrix(input.Rows, Inputs);
        var w = Weight.Value;
        var gw = Weight.Grad;
        var gb = Bias.Grad;
        for (var r = 0; r < input.Rows; r++)
        {
            var x = input.Row(r);
            var y = output.Row(r);
            var gy = gradOutput.Row(r);
            var gx = gradInput.Row(r);
            for (var o = 0; o < Outputs; o++)
            {
                var gz = gy[o] * Derivative(y[o]);
                if (gz == 0.0)
                {
                    continue;
                }

                gb[o] += gz;
                var wRow = w.AsSpan(o * Inputs, Inputs);
                var gwRow = gw.AsSpan(o * Inputs, Inputs);
                for (var i = 0; i < Inputs; i++)
                {
                    gwRow[i] += gz * x[i];
                    gx[i] += gz * wRow[i];
                }
            }
        }

        return gradInput;
    }

    private double Activate(double z) => Activation switch
    {
        Activation.Relu => z > 0.0 ? z : 0.0,
        Activation.Tanh => Math.Tanh(z),
        Activation.Sigmoid => 1.0 / (1.0 + Math.Exp(-z)),
        _ => z,
    };

    // Each derivative is written in terms of the activation's output, which Forward kept.
    private double Derivative(double y) => Activation switch
    {
        Activation.Relu => y > 0.0 ? 1.0 : 0.0,
        Activation.Tanh => 1.0 - (y * y),
        Activation.Sigmoid => y * (1.0 - y),
        _ => 1.0,
    };
}
