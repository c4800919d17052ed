using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanTuner.Neural.Kernels;

/// <summary>The gate products for A with contiguous rows (aRow = 1): Wᵀ in backward, the transposed W in forward.</summary>
internal static partial class Gemm
{
    /// <summary>
    /// <see cref="MultiplyOneColumn{T, TV}"/> for A with contiguous rows (aRow = 1): a tile's scalars for one p sit
    /// side by side, read at fixed offsets from one pointer that walks p, so the loop carries no index arithmetic.
    /// Every C[i] is the same sum in the same order as in the strided kernel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyOneColumnUnitRows<T, TV>(int m, int k, int r, ref T a, int aCol, ref T b, ref T c, ref T bias, GemmInit init)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // 32 vector registers with AVX-512: sixteen accumulators keep both FMA ports busy through the latency.
            for (; i + 16 <= m; i += 16)
            {
                ref var c0 = ref Unsafe.Add(ref c, i * r);
                var s0 = Start<T, TV>(ref c0, ref bias, i, init);
                var s1 = Start<T, TV>(ref Unsafe.Add(ref c0, 1 * r), ref bias, i + 1, init);
                var s2 = Start<T, TV>(ref Unsafe.Add(ref c0, 2 * r), ref bias, i + 2, init);
                var s3 = Start<T, TV>(ref Unsafe.Add(ref c0, 3 * r), ref bias, i + 3, init);
                var s4 = Start<T, TV>(ref Unsafe.Add(ref c0, 4 * r), ref bias, i + 4, init);
                var s5 = Start<T, TV>(ref Unsafe.Add(ref c0, 5 * r), ref bias, i + 5, init);
                var s6 = Start<T, TV>(ref Unsafe.Add(ref c0, 6 * r), ref bias, i + 6, init);
                var s7 = Start<T, TV>(ref Unsafe.Add(ref c0, 7 * r), ref bias, i + 7, init);
                var s8 = Start<T, TV>(ref Unsafe.Add(ref c0, 8 * r), ref bias, i + 8, init);
                var s9 = Start<T, TV>(ref Unsafe.Add(ref c0, 9 * r), ref bias, i + 9, init);
                var s10 = Start<T, TV>(ref Unsafe.Add(ref c0, 10 * r), ref bias, i + 10, init);
                var s11 = Start<T, TV>(ref Unsafe.Add(ref c0, 11 * r), ref bias, i + 11, init);
                var s12 = Start<T, TV>(ref Unsafe.Add(ref c0, 12 * r), ref bias, i + 12, init);
                var s13 = Start<T, TV>(ref Unsafe.Add(ref c0, 13 * r), ref bias, i + 13, init);
                var s14 = Start<T, TV>(ref Unsafe.Add(ref c0, 14 * r), ref bias, i + 14, init);
                var s15 = Start<T, TV>(ref Unsafe.Add(ref c0, 15 * r), ref bias, i + 15, init);
                ref var ap = ref Unsafe.Add(ref a, i);
                ref var bRow = ref b;
                for (var p = 0; p < k; p++)
                {
                    var bv = TV.Load(ref bRow);
                    s0 = TV.MultiplyAddScalar(bv, ref ap, s0);
                    s1 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 1), s1);
                    s2 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 2), s2);
                    s3 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 3), s3);
                    s4 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 4), s4);
                    s5 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 5), s5);
                    s6 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 6), s6);
                    s7 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 7), s7);
                    s8 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 8), s8);
                    s9 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 9), s9);
                    s10 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 10), s10);
                    s11 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 11), s11);
                    s12 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 12), s12);
                    s13 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 13), s13);
                    s14 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 14), s14);
                    s15 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 15), s15);
                    ap = ref Unsafe.Add(ref ap, aCol);
                    bRow = ref Unsafe.Add(ref bRow, r);
                }

                TV.Store(s0, ref c0);
                TV.Store(s1, ref Unsafe.Add(ref c0, 1 * r));
                TV.Store(s2, ref Unsafe.Add(ref c0, 2 * r));
                TV.Store(s3, ref Unsafe.Add(ref c0, 3 * r));
                TV.Store(s4, ref Unsafe.Add(ref c0, 4 * r));
                TV.Store(s5, ref Unsafe.Add(ref c0, 5 * r));
                TV.Store(s6, ref Unsafe.Add(ref c0, 6 * r));
                TV.Store(s7, ref Unsafe.Add(ref c0, 7 * r));
                TV.Store(s8, ref Unsafe.Add(ref c0, 8 * r));
                TV.Store(s9, ref Unsafe.Add(ref c0, 9 * r));
                TV.Store(s10, ref Unsafe.Add(ref c0, 10 * r));
                TV.Store(s11, ref Unsafe.Add(ref c0, 11 * r));
                TV.Store(s12, ref Unsafe.Add(ref c0, 12 * r));
                TV.Store(s13, ref Unsafe.Add(ref c0, 13 * r));
                TV.Store(s14, ref Unsafe.Add(ref c0, 14 * r));
                TV.Store(s15, ref Unsafe.Add(ref c0, 15 * r));
            }
        }

        for (; i + 8 <= m; i += 8)
        {
            ref var c0 = ref Unsafe.Add(ref c, i * r);
            var s0 = Start<T, TV>(ref c0, ref bias, i, init);
            var s1 = Start<T, TV>(ref Unsafe.Add(ref c0, 1 * r), ref bias, i + 1, init);
            var s2 = Start<T, TV>(ref Unsafe.Add(ref c0, 2 * r), ref bias, i + 2, init);
            var s3 = Start<T, TV>(ref Unsafe.Add(ref c0, 3 * r), ref bias, i + 3, init);
            var s4 = Start<T, TV>(ref Unsafe.Add(ref c0, 4 * r), ref bias, i + 4, init);
            var s5 = Start<T, TV>(ref Unsafe.Add(ref c0, 5 * r), ref bias, i + 5, init);
            var s6 = Start<T, TV>(ref Unsafe.Add(ref c0, 6 * r), ref bias, i + 6, init);
            var s7 = Start<T, TV>(ref Unsafe.Add(ref c0, 7 * r), ref bias, i + 7, init);
            ref var ap = ref Unsafe.Add(ref a, i);
            ref var bRow = ref b;
            for (var p = 0; p < k; p++)
            {
                var bv = TV.Load(ref bRow);
                s0 = TV.MultiplyAddScalar(bv, ref ap, s0);
                s1 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 1), s1);
                s2 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 2), s2);
                s3 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 3), s3);
                s4 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 4), s4);
                s5 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 5), s5);
                s6 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 6), s6);
                s7 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 7), s7);
                ap = ref Unsafe.Add(ref ap, aCol);
                bRow = ref Unsafe.Add(ref bRow, r);
            }

            TV.Store(s0, ref c0);
            TV.Store(s1, ref Unsafe.Add(ref c0, 1 * r));
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
            var s1 = Start<T, TV>(ref Unsafe.Add(ref c0, 1 * r), ref bias, i + 1, init);
            var s2 = Start<T, TV>(ref Unsafe.Add(ref c0, 2 * r), ref bias, i + 2, init);
            var s3 = Start<T, TV>(ref Unsafe.Add(ref c0, 3 * r), ref bias, i + 3, init);
            ref var ap = ref Unsafe.Add(ref a, i);
            ref var bRow = ref b;
            for (var p = 0; p < k; p++)
            {
                var bv = TV.Load(ref bRow);
                s0 = TV.MultiplyAddScalar(bv, ref ap, s0);
                s1 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 1), s1);
                s2 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 2), s2);
                s3 = TV.MultiplyAddScalar(bv, ref Unsafe.Add(ref ap, 3), s3);
                ap = ref Unsafe.Add(ref ap, aCol);
                bRow = ref Unsafe.Add(ref bRow, r);
            }

            TV.Store(s0, ref c0);
            TV.Store(s1, ref Unsafe.Add(ref c0, 1 * r));
            TV.Store(s2, ref Unsafe.Add(ref c0, 2 * r));
            TV.Store(s3, ref Unsafe.Add(ref c0, 3 * r));
        }

        for (; i < m; i++)
        {
            ref var c0 = ref Unsafe.Add(ref c, i * r);
            var s0 = Start<T, TV>(ref c0, ref bias, i, init);
            ref var ap = ref Unsafe.Add(ref a, i);
            ref var bRow = ref b;
            for (var p = 0; p < k; p++)
            {
                var bv = TV.Load(ref bRow);
                s0 = TV.MultiplyAddScalar(bv, ref ap, s0);
                ap = ref Unsafe.Add(ref ap, aCol);
                bRow = ref Unsafe.Add(ref bRow, r);
            }

            TV.Store(s0, ref c0);
        }
    }

    /// <summary><see cref="MultiplyTwoColumns{T, TV}"/> for A with contiguous rows (aRow = 1); same sums, same order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyTwoColumnsUnitRows<T, TV>(int m, int k, int r, ref T a, int aCol, ref T b, ref T c, ref T bias, GemmInit init)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var n = TV.Count;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // Twelve rows × two vectors: 24 of the 32 registers accumulate, 14 loads per 24 FMAs.
            for (; i + 12 <= m; i += 12)
            {
                ref var c0 = ref Unsafe.Add(ref c, i * r);
                ref var c1 = ref Unsafe.Add(ref c0, r);
                ref var c2 = ref Unsafe.Add(ref c1, r);
                ref var c3 = ref Unsafe.Add(ref c2, r);
                ref var c4 = ref Unsafe.Add(ref c3, r);
                ref var c5 = ref Unsafe.Add(ref c4, r);
                ref var c6 = ref Unsafe.Add(ref c5, r);
                ref var c7 = ref Unsafe.Add(ref c6, r);
                ref var c8 = ref Unsafe.Add(ref c7, r);
                ref var c9 = ref Unsafe.Add(ref c8, r);
                ref var c10 = ref Unsafe.Add(ref c9, r);
                ref var c11 = ref Unsafe.Add(ref c10, r);
                var s00 = Start<T, TV>(ref c0, ref bias, i + 0, init);
                var s01 = Start<T, TV>(ref Unsafe.Add(ref c0, n), ref bias, i + 0, init);
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
                var s60 = Start<T, TV>(ref c6, ref bias, i + 6, init);
                var s61 = Start<T, TV>(ref Unsafe.Add(ref c6, n), ref bias, i + 6, init);
                var s70 = Start<T, TV>(ref c7, ref bias, i + 7, init);
                var s71 = Start<T, TV>(ref Unsafe.Add(ref c7, n), ref bias, i + 7, init);
                var s80 = Start<T, TV>(ref c8, ref bias, i + 8, init);
                var s81 = Start<T, TV>(ref Unsafe.Add(ref c8, n), ref bias, i + 8, init);
                var s90 = Start<T, TV>(ref c9, ref bias, i + 9, init);
                var s91 = Start<T, TV>(ref Unsafe.Add(ref c9, n), ref bias, i + 9, init);
                var s100 = Start<T, TV>(ref c10, ref bias, i + 10, init);
                var s101 = Start<T, TV>(ref Unsafe.Add(ref c10, n), ref bias, i + 10, init);
                var s110 = Start<T, TV>(ref c11, ref bias, i + 11, init);
                var s111 = Start<T, TV>(ref Unsafe.Add(ref c11, n), ref bias, i + 11, init);
                ref var ap = ref Unsafe.Add(ref a, i);
                ref var bRow = ref b;
                for (var p = 0; p < k; p++)
                {
                    var b0 = TV.Load(ref bRow);
                    var b1 = TV.Load(ref Unsafe.Add(ref bRow, n));
                    s00 = TV.MultiplyAddScalar(b0, ref ap, s00);
                    s01 = TV.MultiplyAddScalar(b1, ref ap, s01);
                    s10 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 1), s10);
                    s11 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 1), s11);
                    s20 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 2), s20);
                    s21 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 2), s21);
                    s30 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 3), s30);
                    s31 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 3), s31);
                    s40 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 4), s40);
                    s41 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 4), s41);
                    s50 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 5), s50);
                    s51 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 5), s51);
                    s60 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 6), s60);
                    s61 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 6), s61);
                    s70 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 7), s70);
                    s71 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 7), s71);
                    s80 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 8), s80);
                    s81 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 8), s81);
                    s90 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 9), s90);
                    s91 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 9), s91);
                    s100 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 10), s100);
                    s101 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 10), s101);
                    s110 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 11), s110);
                    s111 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 11), s111);
                    ap = ref Unsafe.Add(ref ap, aCol);
                    bRow = ref Unsafe.Add(ref bRow, r);
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
                TV.Store(s60, ref c6);
                TV.Store(s61, ref Unsafe.Add(ref c6, n));
                TV.Store(s70, ref c7);
                TV.Store(s71, ref Unsafe.Add(ref c7, n));
                TV.Store(s80, ref c8);
                TV.Store(s81, ref Unsafe.Add(ref c8, n));
                TV.Store(s90, ref c9);
                TV.Store(s91, ref Unsafe.Add(ref c9, n));
                TV.Store(s100, ref c10);
                TV.Store(s101, ref Unsafe.Add(ref c10, n));
                TV.Store(s110, ref c11);
                TV.Store(s111, ref Unsafe.Add(ref c11, n));
            }
        }

        for (; i + 6 <= m; i += 6)
        {
            ref var c0 = ref Unsafe.Add(ref c, i * r);
            ref var c1 = ref Unsafe.Add(ref c0, r);
            ref var c2 = ref Unsafe.Add(ref c1, r);
            ref var c3 = ref Unsafe.Add(ref c2, r);
            ref var c4 = ref Unsafe.Add(ref c3, r);
            ref var c5 = ref Unsafe.Add(ref c4, r);
            var s00 = Start<T, TV>(ref c0, ref bias, i + 0, init);
            var s01 = Start<T, TV>(ref Unsafe.Add(ref c0, n), ref bias, i + 0, init);
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
            ref var ap = ref Unsafe.Add(ref a, i);
            ref var bRow = ref b;
            for (var p = 0; p < k; p++)
            {
                var b0 = TV.Load(ref bRow);
                var b1 = TV.Load(ref Unsafe.Add(ref bRow, n));
                s00 = TV.MultiplyAddScalar(b0, ref ap, s00);
                s01 = TV.MultiplyAddScalar(b1, ref ap, s01);
                s10 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 1), s10);
                s11 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 1), s11);
                s20 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 2), s20);
                s21 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 2), s21);
                s30 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 3), s30);
                s31 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 3), s31);
                s40 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 4), s40);
                s41 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 4), s41);
                s50 = TV.MultiplyAddScalar(b0, ref Unsafe.Add(ref ap, 5), s50);
                s51 = TV.MultiplyAddScalar(b1, ref Unsafe.Add(ref ap, 5), s51);
                ap = ref Unsafe.Add(ref ap, aCol);
                bRow = ref Unsafe.Add(ref bRow, r);
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

        if (i < m)
        {
            MultiplyTwoColumns<T, TV>(m - i, k, r, ref Unsafe.Add(ref a, i), 1, aCol, ref b, ref Unsafe.Add(ref c, i * r), ref RowsFrom(ref bias, i), init);
        }
    }

    /// <summary>The bias from row <paramref name="row"/> on, or no bias when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T RowsFrom<T>(ref T bias, int row) => ref Unsafe.IsNullRef(ref bias) ? ref bias : ref Unsafe.Add(ref bias, row);
}
