using System.Numerics;
using System.Runtime.CompilerServices;

namespace GanTuner.Neural.Kernels;

/// <summary>
/// The element-wise part of one LSTM step on a gate block [4H × r] laid out i, f, g, o, each gate
/// a contiguous run of n = H·r values. Each direction is one fused pass over the block.
/// </summary>
internal static class CellMath
{
    /// <summary>
    /// Turns pre-activations into gates in place (σ, σ, tanh, σ), then c' = f⊙c + i⊙g,
    /// tanh(c') and h' = o⊙tanh(c'), on n values of each gate; gate g starts at g·<paramref name="gateStride"/>
    /// in <paramref name="gates"/> (n for a whole block, H·r when a thread takes a range of units).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T, TV>(int n, int gateStride, Span<T> gates, ReadOnlySpan<T> cPrev, Span<T> cNext, Span<T> tanhC, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        if (n <= 0)
        {
            return;
        }

        if (gateStride < n || gates.Length < (3 * gateStride) + n || cPrev.Length < n || cNext.Length < n || tanhC.Length < n || h.Length < n)
        {
            throw new ArgumentException("Cell buffers are shorter than the block.");
        }

        ref var iRef = ref gates[0];
        ref var fRef = ref gates[gateStride];
        ref var gRef = ref gates[2 * gateStride];
        ref var oRef = ref gates[3 * gateStride];
        ref var cpRef = ref Unsafe.AsRef(in cPrev[0]);
        ref var cnRef = ref cNext[0];
        ref var tcRef = ref tanhC[0];
        ref var hRef = ref h[0];
        for (var k = 0; k < n; k += TV.Count)
        {
            var i = Sigmoid<T, TV>(TV.Load(ref Unsafe.Add(ref iRef, k)));
            var f = Sigmoid<T, TV>(TV.Load(ref Unsafe.Add(ref fRef, k)));
            var g = Tanh<T, TV>(TV.Load(ref Unsafe.Add(ref gRef, k)));
            var o = Sigmoid<T, TV>(TV.Load(ref Unsafe.Add(ref oRef, k)));
            var c = TV.MultiplyAdd(f, TV.Load(ref Unsafe.Add(ref cpRef, k)), TV.Multiply(i, g));
            var tc = Tanh<T, TV>(c);
            TV.Store(i, ref Unsafe.Add(ref iRef, k));
            TV.Store(f, ref Unsafe.Add(ref fRef, k));
            TV.Store(g, ref Unsafe.Add(ref gRef, k));
            TV.Store(o, ref Unsafe.Add(ref oRef, k));
            TV.Store(c, ref Unsafe.Add(ref cnRef, k));
            TV.Store(tc, ref Unsafe.Add(ref tcRef, k));
            TV.Store(TV.Multiply(o, tc), ref Unsafe.Add(ref hRef, k));
        }
    }

    /// <summary>
    /// Backward through one step: from ∂L/∂h (dhRecurrent + dhAbove when given) and the running ∂L/∂c,
    /// overwrites the gates with ∂L/∂(pre-activations) and leaves ∂L/∂c_{t−1} in <paramref name="dc"/>;
    /// gate g starts at g·<paramref name="gateStride"/> as in <see cref="Forward{T, TV}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T, TV>(int n, int gateStride, Span<T> gates, ReadOnlySpan<T> cPrev, ReadOnlySpan<T> tanhC, ReadOnlySpan<T> dhRecurrent, ReadOnlySpan<T> dhAbove, Span<T> dc)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        if (n <= 0)
        {
            return;
        }

        if (gateStride < n || gates.Length < (3 * gateStride) + n || cPrev.Length < n || tanhC.Length < n || dhRecurrent.Length < n || dc.Length < n || (!dhAbove.IsEmpty && dhAbove.Length < n))
        {
            throw new ArgumentException("Cell buffers are shorter than the block.");
        }

        var one = TV.Broadcast(T.One);
        var hasAbove = !dhAbove.IsEmpty;
        ref var iRef = ref gates[0];
        ref var fRef = ref gates[gateStride];
        ref var gRef = ref gates[2 * gateStride];
        ref var oRef = ref gates[3 * gateStride];
        ref var cpRef = ref Unsafe.AsRef(in cPrev[0]);
        ref var tcRef = ref Unsafe.AsRef(in tanhC[0]);
        ref var dhrRef = ref Unsafe.AsRef(in dhRecurrent[0]);
        ref var dhaRef = ref hasAbove ? ref Unsafe.AsRef(in dhAbove[0]) : ref Unsafe.NullRef<T>();
        ref var dcRef = ref dc[0];
        for (var k = 0; k < n; k += TV.Count)
        {
            var dh = TV.Load(ref Unsafe.Add(ref dhrRef, k));
            if (hasAbove)
            {
                dh = TV.Add(dh, TV.Load(ref Unsafe.Add(ref dhaRef, k)));
            }

            var i = TV.Load(ref Unsafe.Add(ref iRef, k));
            var f = TV.Load(ref Unsafe.Add(ref fRef, k));
            var g = TV.Load(ref Unsafe.Add(ref gRef, k));
            var o = TV.Load(ref Unsafe.Add(ref oRef, k));
            var tc = TV.Load(ref Unsafe.Add(ref tcRef, k));
            var dcv = TV.MultiplyAdd(TV.Multiply(dh, o), TV.Subtract(one, TV.Multiply(tc, tc)), TV.Load(ref Unsafe.Add(ref dcRef, k)));
            var dzi = TV.Multiply(TV.Multiply(dcv, g), TV.Multiply(i, TV.Subtract(one, i)));
            var dzf = TV.Multiply(TV.Multiply(dcv, TV.Load(ref Unsafe.Add(ref cpRef, k))), TV.Multiply(f, TV.Subtract(one, f)));
            var dzg = TV.Multiply(TV.Multiply(dcv, i), TV.Subtract(one, TV.Multiply(g, g)));
            var dzo = TV.Multiply(TV.Multiply(dh, tc), TV.Multiply(o, TV.Subtract(one, o)));
            TV.Store(TV.Multiply(dcv, f), ref Unsafe.Add(ref dcRef, k));
            TV.Store(dzi, ref Unsafe.Add(ref iRef, k));
            TV.Store(dzf, ref Unsafe.Add(ref fRef, k));
            TV.Store(dzg, ref Unsafe.Add(ref gRef, k));
            TV.Store(dzo, ref Unsafe.Add(ref oRef, k));
        }
    }

    /// <summary>σ(z) = 1 / (1 + e^−z); saturates cleanly because Exp clamps its argument.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Sigmoid<T, TV>(TV z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var one = TV.Broadcast(T.One);
        return TV.Divide(one, TV.Add(one, TV.Exp(TV.Subtract(TV.Zero, z))));
    }

    /// <summary>tanh(z) = 1 − 2 / (e^{2z} + 1): exact limits ±1, absolute error of a few ulps near 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Tanh<T, TV>(TV z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var one = TV.Broadcast(T.One);
        var two = TV.Add(one, one);
        return TV.Subtract(one, TV.Divide(two, TV.Add(TV.Exp(TV.Add(z, z)), one)));
    }
}
