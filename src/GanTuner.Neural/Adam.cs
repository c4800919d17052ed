using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanTuner.Neural;

/// <summary>
/// Adam with PyTorch's formula: bias-corrected moments and ε added after the square root,
/// p ← p − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε).
/// </summary>
public sealed class Adam : IOptimizer
{
    private readonly List<(double[] M, double[] V)> _state = [];

    /// <summary>An optimizer with the given settings.</summary>
    public Adam(AdamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public AdamOptions Options { get; }

    /// <summary>Number of steps taken so far.</summary>
    public long StepCount { get; private set; }

    /// <inheritdoc />
    public void Update(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        StepCount++;
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (i == _state.Count)
            {
                _state.Add((new double[p.Length], new double[p.Length]));
            }

            var (m, v) = _state[i];
            if (m.Length != p.Length)
            {
                throw new InvalidOperationException($"Parameter {i} ({p.Name}) changed size between steps.");
            }

            UpdateFlat<double>(p.Value, p.Grad, m, v, StepCount, Options);
        }
    }

    /// <summary>
    /// One Adam update of a flat vector, in place (used directly by the LSTM trainer on its single
    /// parameter vector). <paramref name="step"/> counts from 1. Vectorised; the result does not
    /// depend on the vector width because every element is updated independently.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UpdateFlat<T>(Span<T> values, ReadOnlySpan<T> grads, Span<T> m, Span<T> v, long step, AdamOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        if (grads.Length != values.Length || m.Length != values.Length || v.Length != values.Length)
        {
            throw new ArgumentException("Values, gradients and moments must have the same length.");
        }

        var b1 = T.CreateChecked(options.Beta1);
        var b2 = T.CreateChecked(options.Beta2);
        var oneMinusB1 = T.CreateChecked(1.0 - options.Beta1);
        var oneMinusB2 = T.CreateChecked(1.0 - options.Beta2);
        var eps = T.CreateChecked(options.Epsilon);
        var stepSize = T.CreateChecked(options.LearningRate / (1.0 - Math.Pow(options.Beta1, step)));
        var correction2Sqrt = T.CreateChecked(Math.Sqrt(1.0 - Math.Pow(options.Beta2, step)));

        var i = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            for (; i <= values.Length - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                var g = Vector512.Create(grads.Slice(i, Vector512<T>.Count));
                var mi = (Vector512.Create(m.Slice(i, Vector512<T>.Count)) * b1) + (g * oneMinusB1);
                var vi = (Vector512.Create(v.Slice(i, Vector512<T>.Count)) * b2) + (g * g * oneMinusB2);
                var denom = (Vector512.Sqrt(vi) / correction2Sqrt) + Vector512.Create(eps);
                var p = Vector512.Create(values.Slice(i, Vector512<T>.Count)) - (mi / denom * stepSize);
                mi.CopyTo(m.Slice(i));
                vi.CopyTo(v.Slice(i));
                p.CopyTo(values.Slice(i));
            }
        }

        for (; i < values.Length; i++)
        {
            var g = grads[i];
            m[i] = (m[i] * b1) + (g * oneMinusB1);
            v[i] = (v[i] * b2) + (g * g * oneMinusB2);
            var denom = (T.Sqrt(v[i]) / correction2Sqrt) + eps;
            values[i] -= m[i] / denom * stepSize;
        }
    }
}
