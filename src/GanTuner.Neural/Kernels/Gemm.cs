using System.Numerics;
using System.Runtime.CompilerServices;

namespace GanTuner.Neural.Kernels;

/// <summary>
/// The two matrix products of the LSTM, in the engine's feature-major layout: every activation
/// block is [features × r] with the batch rows r along the vector lanes, so a product vectorises
/// over the batch and A's scalars are broadcast. r must be a multiple of <c>TV.Count</c>.
/// Summation order depends only on the shapes, never on timing, so results are reproducible.
/// </summary>
internal static partial class Gemm
{
    /// <summary>
    /// C[m × r] = init + A·B, where A[i, p] = a[i·aRow + p·aCol] (any strides, so Wᵀ is free),
    /// B is [k × r] and C is [m × r], both with row stride r.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply<T, TV>(int m, int k, int r, ref T a, int aRow, int aCol, ref T b, ref T c, ref T bias, GemmInit init)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var col = 0;
        if (aRow == 1)
        {
            for (; col + (2 * TV.Count) <= r; col += 2 * TV.Count)
            {
                MultiplyTwoColumnsUnitRows<T, TV>(m, k, r, ref a, aCol, ref Unsafe.Add(ref b, col), ref Unsafe.Add(ref c, col), ref bias, init);
            }

            if (col < r)
            {
                MultiplyOneColumnUnitRows<T, TV>(m, k, r, ref a, aCol, ref Unsafe.Add(ref b, col), ref Unsafe.Add(ref c, col), ref bias, init);
            }

            return;
        }

        for (; col + (2 * TV.Count) <= r; col += 2 * TV.Count)
        {
            MultiplyTwoColumns<T, TV>(m, k, r, ref a, aRow, aCol, ref Unsafe.Add(ref b, col), ref Unsafe.Add(ref c, col), ref bias, init);
        }

        if (col < r)
        {
            MultiplyOneColumn<T, TV>(m, k, r, ref a, aRow, aCol, ref Unsafe.Add(ref b, col), ref Unsafe.Add(ref c, col), ref bias, init);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Start<T, TV>(ref T c, ref T bias, int row, GemmInit init)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T> => init switch
        {
            GemmInit.Bias => TV.Broadcast(Unsafe.Add(ref bias, row)),
            GemmInit.Accumulate => TV.Load(ref c),
            _ => TV.Zero,
        };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyTwoColumns<T, TV>(int m, int k, int r, ref T a, int aRow, int aCol, ref T b, ref T c, ref T bias, GemmInit init)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var n = TV.Count;
        var i = 0;
        // Six rows × two vectors: 12 accumulators, 8 loads per 12 FMAs; fits 16 vector registers.
        for (; i + 6 <= m; i += 6)
        {
            ref var c0 = ref Unsafe.Add(ref c, i * r);
            ref var c1 = ref Unsafe.Add(ref c0, r);
            ref var c2 = ref Unsafe.Add(ref c1, r);
            ref var c3 = ref Unsafe.Add(ref c2, r);
            ref var c4 = ref Unsafe.Add(ref c3, r);
            ref var c5 = ref Unsafe.Add(ref c4, r);
            var s00 = Start<T, TV>(ref c0, ref bias, i, init);
            var s01 = Start<T, TV>(ref Unsafe.Add(ref c0, n), ref bias, i, init);
            var s10 = Start<T, TV>(ref c1, ref bias, i + 1, init);
            var s11 = Start<T, TV>(ref Unsafe.Add(ref c1, n), ref bias, i + 1, init);
            var s20 = Start<T, TV>(ref c2, ref bias, i + 2, init);
            var s21 = Start<T, TV>(ref Unsafe.Add(ref c2, n), ref bias, i + 2, init);
            var s30 = Start<T, TV>(ref c3, ref bias, i + 3, init);
            var s31 = Start<T, TV>(ref Unsafe.Add(ref c3, n), ref bias, i + 3, init);
            var s40 = Start<T, TV>(ref c4, ref bias, i + 4, init);
            var s41 = Start<T, TV>(ref Unsafe.Add(ref c4, n), ref bias, i + 4, init);
            var s50 = Start<T, TV>(ref c5, ref bias, i + 5, init);
            var s51 = Start<T, TV>(ref Unsafe.Add(ref c5, n), ref bias, i + 5, init);
            ref var a0 = ref Unsafe.Add(ref a, i * aRow);
            for (var p = 0; p < k; p++)
            {
                ref var bRow = ref Unsafe.Add(ref b, p * r);
                var b0 = TV.Load(ref bRow);
                var b1 = TV.Load(ref Unsafe.Add(ref bRow, n));
                ref var ap = ref Unsafe.Add(ref a0, p * aCol);
                var w = TV.Broadcast(ap);
                s00 = TV.MultiplyAdd(w, b0, s00);
                s01 = TV.MultiplyAdd(w, b1, s01);
                w = TV.Broadcast(Unsafe.Add(ref ap, aRow));
                s10 = TV.MultiplyAdd(w, b0, s10);
                s11 = TV.MultiplyAdd(w, b1, s11);
                w = TV.Broadcast(Unsafe.Add(ref ap, 2 * aRow));
                s20 = TV.MultiplyAdd(w, b0, s20);
                s21 = TV.MultiplyAdd(w, b1, s21);
                w = TV.Broadcast(Unsafe.Add(ref ap, 3 * aRow));
                s30 = TV.MultiplyAdd(w, b0, s30);
                s31 = TV.MultiplyAdd(w, b1, s31);
                w = TV.Broadcast(Unsafe.Add(ref ap, 4 * aRow));
                s40 = TV.MultiplyAdd(w, b0, s40);
                s41 = TV.MultiplyAdd(w, b1, s41);
                w = TV.Broadcast(Unsafe.Add(ref ap, 5 * aRow));
                s50 = TV.MultiplyAdd(w, b0, s50);
                s51 = TV.MultiplyAdd(w, b1, s51);
            }

            TV.Store(s00, ref c0);
            TV.Store(s01, ref Unsafe.Add(ref c0, n));
            TV.Store(s10, ref c1);
            TV.Store(s11, ref Unsafe.Add(ref c1, n));
            TV.Store(s20, ref c2);
            TV.Store(s21, ref Unsafe.Add(ref c2, n));
            TV.Store(s30, ref c3);
            TV.Store(s31, ref Unsafe.Add(ref c3, n));
            TV.Store(s40, ref c4);
            TV.Store(s41, ref Unsafe.Add(ref c4, n));
            TV.Store(s50, ref c5);
            TV.Store(s51, ref Unsafe.Add(ref c5, n));
        }

        for (; i + 4 <= m; i += 4)
        {
            ref var c0 = ref Unsafe.Add(ref c, i * r);
            ref var c1 = ref Unsafe.Add(ref c0, r);
            ref var c2 = ref Unsafe.Add(ref c1, r);
            ref var c3 = ref Unsafe.Add(ref c2, r);
            var s00 = Start<T, TV>(ref c0, ref bias, i, init);
            var s01 = Start<T, TV>(ref Unsafe.Add(ref c0, n), ref bias, i, init);
            var s10 = Start<T, TV>(ref c1, ref bias, i + 1, init);
            var s11 = Start<T, TV>(ref Unsafe.Add(ref c1, n), ref bias, i + 1, init);
            var s20 = Start<T, TV>(ref c2, ref bias, i + 2, init);
            var s21 = Start<T, TV>(ref Unsafe.Add(ref c2, n), ref bias, i + 2, init);
            var s30 = Start<T, TV>(ref c3, ref bias, i + 3, init);
            var s31 = Start<T, TV>(ref Unsafe.Add(ref c3, n), ref bias, i + 3, init);
            ref var a0 = ref Unsafe.Add(ref a, i * aRow);
            ref var a1 = ref Unsafe.Add(ref a0, aRow);
            ref var a2 = ref Unsafe.Add(ref a1, aRow);
            ref var a3 = ref Unsafe.Add(ref a2, aRow);
            for (var p = 0; p < k; p++)
            {
                ref var bRow = ref Unsafe.Add(ref b, p * r);
                var b0 = TV.Load(ref bRow);
                var b1 = TV.Load(ref Unsafe.Add(ref bRow, n));
                var offset = p * aCol;
                var w0 = TV.Broadcast(Unsafe.Add(ref a0, offset));
                var w1 = TV.Broadcast(Unsafe.Add(ref a1, offset));
                var w2 = TV.Broadcast(Unsafe.Add(ref a2, offset));
                var w3 = TV.Broadcast(Unsafe.Add(ref a3, offset));
                s00 = TV.MultiplyAdd(w0, b0, s00);
                s01 = TV.MultiplyAdd(w0, b1, s01);
                s10 = TV.MultiplyAdd(w1, b0, s10);
                s11 = TV.MultiplyAdd(w1, b1, s11);
                s20 = TV.MultiplyAdd(w2, b0, s20);
                s21 = TV.MultiplyAdd(w2, b1, s21);
                s30 = TV.MultiplyAdd(w3, b0, s30);
                s31 = TV.MultiplyAdd(w3, b1, s31);
            }

            TV.Store(s00, ref c0);
            TV.Store(s01, ref Unsafe.Add(ref c0, n));
            TV.Store(s10, ref c1);
            TV.Store(s11, ref Unsafe.Add(ref c1, n));
            TV.Store(s20, ref c2);
            TV.Store(s21, ref Unsafe.Add(ref c2, n));
            TV.Store(s30, ref c3);
            TV.Store(s31, ref Unsafe.Add(ref c3, n));
        }

        for (; i < m; i++)
        {
            ref var ci = ref Unsafe.Add(ref c, i * r);
            var s0 = Start<T, TV>(ref ci, ref bias, i, init);
            var s1 = Start<T, TV>(ref Unsafe.Add(ref ci, n), ref bias, i, init);
            ref var ai = ref Unsafe.Add(ref a, i * aRow);
            for (var p = 0; p < k; p++)
            {
                ref var bRow = ref Unsafe.Add(ref b, p * r);
                var w = TV.Broadcast(Unsafe.Add(ref ai, p * aCol));
                s0 = TV.MultiplyAdd(w, TV.Load(ref bRow), s0);
                s1 = TV.MultiplyAdd(w, TV.Load(ref Unsafe.Add(ref bRow, n)), s1);
            }

            TV.Store(s0, ref ci);
            TV.Store(s1, ref Unsafe.Add(ref ci, n));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyOneColumn<T, TV>(int m, int k, int r, ref T a, int aRow, int aCol, ref T b, ref T c, ref T bias, GemmInit init)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        // Eight rows at a time: eight independent accumulators hide the FMA latency.
        var i = 0;
        for (; i + 8 <= m; i += 8)
        {
            ref var c0 = ref Unsafe.Add(ref c, i * r);
            var s0 = Start<T, TV>(ref c0, ref bias, i, init);
            var s1 = Start<T, TV>(ref Unsafe.Add(ref c0, r), ref bias, i + 1, init);
            var s2 = Start<T, TV>(ref Unsafe.Add(ref c0, 2 * r), ref bias, i + 2, init);
            var s3 = Start<T, TV>(ref Unsafe.Add(ref c0, 3 * r), ref bias, i + 3, init);
            var s4 = Start<T, TV>(ref Unsafe.Add(ref c0, 4 * r), ref bias, i + 4, init);
            var s5 = Start<T, TV>(ref Unsafe.Add(ref c0, 5 * r), ref bias, i + 5, init);
            var s6 = Start<T, TV>(ref Unsafe.Add(ref c0, 6 * r), ref bias, i + 6, init);
            var s7 = Start<T, TV>(ref Unsafe.Add(ref c0, 7 * r), ref bias, i + 7, init);
            ref var a0 = ref Unsafe.Add(ref a, i * aRow);
            ref var bRow = ref b;
            for (var p = 0; p < k; p++)
            {
                var bv = TV.Load(ref bRow);
                ref var ap = ref Unsafe.Add(ref a0, p * aCol);
                s0 = TV.MultiplyAdd(TV.Broadcast(ap), bv, s0);
                s1 = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ap, aRow)), bv, s1);
                s2 = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ap, 2 * aRow)), bv, s2);
                s3 = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ap, 3 * aRow)), bv, s3);
                s4 = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ap, 4 * aRow)), bv, s4);
                s5 = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ap, 5 * aRow)), bv, s5);
                s6 = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ap, 6 * aRow)), bv, s6);
                s7 = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ap, 7 * aRow)), bv, s7);
                bRow = ref Unsafe.Add(ref bRow, r);
            }

            TV.Store(s0, ref c0);
            TV.Store(s1, ref Unsafe.Add(ref c0, r));
            TV.Store(s2, ref Unsafe.Add(ref c0, 2 * r));
            TV.Store(s3, ref Unsafe.Add(ref c0, 3 * r));
            TV.Store(s4, ref Unsafe.Add(ref c0, 4 * r));
            TV.Store(s5, ref Unsafe.Add(ref c0, 5 * r));
            TV.Store(s6, ref Unsafe.Add(ref c0, 6 * r));
            TV.Store(s7, ref Unsafe.Add(ref c0, 7 * r));
        }

        for (; i + 4 <= m; i += 4)
        {
            ref var c0 = ref Unsafe.Add(ref c, i * r);
            var s0 = Start<T, TV>(ref c0, ref bias, i, init);
            var s1 = Start<T, TV>(ref Unsafe.Add(ref c0, r), ref bias, i + 1, init);
            var s2 = Start<T, TV>(ref Unsafe.Add(ref c0, 2 * r), ref bias, i + 2, init);
            var s3 = Start<T, TV>(ref Unsafe.Add(ref c0, 3 * r), ref bias, i + 3, init);
            ref var a0 = ref Unsafe.Add(ref a, i * aRow);
            for (var p = 0; p < k; p++)
            {
                var bv = TV.Load(ref Unsafe.Add(ref b, p * r));
                ref var ap = ref Unsafe.Add(ref a0, p * aCol);
                s0 = TV.MultiplyAdd(TV.Broadcast(ap), bv, s0);
                s1 = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ap, aRow)), bv, s1);
                s2 = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ap, 2 * aRow)), bv, s2);
                s3 = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ap, 3 * aRow)), bv, s3);
            }

            TV.Store(s0, ref c0);
            TV.Store(s1, ref Unsafe.Add(ref c0, r));
            TV.Store(s2, ref Unsafe.Add(ref c0, 2 * r));
            TV.Store(s3, ref Unsafe.Add(ref c0, 3 * r));
        }

        for (; i < m; i++)
        {
            ref var ci = ref Unsafe.Add(ref c, i * r);
            var s = Start<T, TV>(ref ci, ref bias, i, init);
            ref var ai = ref Unsafe.Add(ref a, i * aRow);
            for (var p = 0; p < k; p++)
            {
                s = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref ai, p * aCol)), TV.Load(ref Unsafe.Add(ref b, p * r)), s);
            }

            TV.Store(s, ref ci);
        }
    }
}
