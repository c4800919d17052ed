using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace GanTuner.Neural.Kernels;

/// <summary>
/// The element-wise part of one LSTM step on a gate block [4H × r] laid out i, f, g, o, each gate
/// a contiguous run of n = H·r values.
/// </summary>
internal static class CellMath
{
    /// <summary>
    /// Turns pre-activations into gates in place, then c' = f⊙c + i⊙g, tanh(c') and h' = o⊙tanh(c').
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T, TV>(int n, Span<T> gates, ReadOnlySpan<T> cPrev, Span<T> cNext, Span<T> tanhC, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var ifGates = gates[..(2 * n)];
        TensorPrimitives.Sigmoid<T>(ifGates, ifGates);
        var g = gates.Slice(2 * n, n);
        TensorPrimitives.Tanh<T>(g, g);
        var o = gates.Slice(3 * n, n);
        TensorPrimitives.Sigmoid<T>(o, o);

        ref var iRef = ref gates[0];
        ref var fRef = ref gates[n];
        ref var gRef = ref gates[2 * n];
        ref var cpRef = ref Unsafe.AsRef(in cPrev[0]);
        ref var cnRef = ref cNext[0];
        for (var k = 0; k < n; k += TV.Count)
        {
            var ig = TV.Multiply(TV.Load(ref Unsafe.Add(ref iRef, k)), TV.Load(ref Unsafe.Add(ref gRef, k)));
            TV.Store(TV.MultiplyAdd(TV.Load(ref Unsafe.Add(ref fRef, k)), TV.Load(ref Unsafe.Add(ref cpRef, k)), ig), ref Unsafe.Add(ref cnRef, k));
        }

        TensorPrimitives.Tanh<T>(cNext[..n], tanhC[..n]);
        TensorPrimitives.Multiply<T>(o, tanhC[..n], h[..n]);
    }

    /// <summary>
    /// Backward through one step: from ∂L/∂h (dhRecurrent + dhAbove when given) and the running ∂L/∂c,
    /// overwrites the gates with ∂L/∂(pre-activations) and leaves ∂L/∂c_{t−1} in <paramref name="dc"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T, TV>(int n, Span<T> gates, ReadOnlySpan<T> cPrev, ReadOnlySpan<T> tanhC, ReadOnlySpan<T> dhRecurrent, ReadOnlySpan<T> dhAbove, Span<T> dc)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var one = TV.Broadcast(T.One);
        var hasAbove = !dhAbove.IsEmpty;
        ref var iRef = ref gates[0];
        ref var fRef = ref gates[n];
        ref var gRef = ref gates[2 * n];
        ref var oRef = ref gates[3 * n];
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
}
