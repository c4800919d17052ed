using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanTuner.Neural.Kernels;

/// <summary>∂L/∂W = Σ_t δz_t · [x_t; h_{t−1}]ᵀ and the bias gradient: packed panels with AVX-512, tiles otherwise.</summary>
internal static partial class Gemm
{
    /// <summary>
    /// C[i, j] += Σ_s Σ_col D_s[i, col] · X_s[j, col] over <paramref name="steps"/> blocks, where
    /// D_s starts at d + s·dStep ([rowsD × r]) and X_s at x + s·xStep ([rowsX × r]); C is
    /// [rowsD × rowsX] row-major. This is ∂L/∂W = Σ_t δz_t · [x_t; h_{t−1}]ᵀ over the window.
    /// </summary>
    /// <remarks>
    /// Each C[i, j] is summed in an order fixed by <paramref name="block"/> alone (steps are taken in
    /// blocks of that length), so a caller that splits the rows of D between threads and passes the
    /// whole product's <see cref="StepBlock{T}"/> gets the same bits as one unsplit call.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulateProducts<T, TV>(int rowsD, int rowsX, int r, int steps, ref T d, int dStep, ref T x, int xStep, ref T c, int block = 0, Span<T> scratch = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        block = block > 0 ? Math.Min(block, steps) : StepBlock<T>(rowsD, rowsX, r, steps);
        // Row packing paid on the AVX2 machine (Zen 3: rows a gate block apart defeat its prefetcher) but cost
        // 5–13 % on the AVX-512 one (Xeon: bench/results/engine-2026-12-03.md). There, 4 × 4 tile panels pay
        // instead: one sequential stream per operand and a cheap tree for the sums (engine-2026-12-04-kernels.md).
        var enough = scratch.Length >= block * (rowsD + rowsX) * r;
        var packed = !Vector512.IsHardwareAccelerated && enough;
        var panels = Vector512.IsHardwareAccelerated && enough && rowsD >= 4 && rowsX >= 4;
        for (var s0 = 0; s0 < steps; s0 += block)
        {
            var count = Math.Min(block, steps - s0);
            ref var dBlock = ref Unsafe.Add(ref d, s0 * dStep);
            ref var xBlock = ref Unsafe.Add(ref x, s0 * xStep);
            if (panels)
            {
                Panels<T, TV>(rowsD, rowsX, r, count, ref dBlock, dStep, ref xBlock, xStep, ref c, scratch);
            }
            else if (packed)
            {
                // Each row's steps made contiguous: a block's rows lie a gate block apart (kilobytes), too far
                // for the prefetcher; packed, every tile streams its rows in order. Same sums, same order.
                var length = count * r;
                Pack<T, TV>(rowsD, r, count, ref dBlock, dStep, scratch);
                Pack<T, TV>(rowsX, r, count, ref xBlock, xStep, scratch[(rowsD * length)..]);
                ref var dPacked = ref scratch[0];
                Block<T, TV>(rowsD, rowsX, r, count, ref dPacked, r, length, ref Unsafe.Add(ref dPacked, rowsD * length), r, length, ref c);
            }
            else
            {
                Block<T, TV>(rowsD, rowsX, r, count, ref dBlock, dStep, r, ref xBlock, xStep, r, ref c);
            }
        }
    }

    /// <summary>
    /// One block of steps through packed tile panels (AVX-512): X's rows in panels of four, each panel holding, for
    /// every step and every vector of columns, its rows' vectors side by side; D's likewise, unless a row is one
    /// vector, when four rows of a step already lie side by side and are read in place (packing them cost more
    /// than it saved). A 4 × 4 tile reads both at fixed offsets; its X panel (one step block, a few kilobytes)
    /// stays in L1 while D's rows stream past it, and every C[i, j] is still summed over steps, then columns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Panels<T, TV>(int rowsD, int rowsX, int r, int count, ref T dBlock, int dStep, ref T xBlock, int xStep, ref T c, Span<T> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var (tall, wide) = (rowsD / 4 * 4, rowsX / 4 * 4);
        var length = count * r;
        ref var dPanels = ref scratch[0];
        ref var xPanels = ref Unsafe.Add(ref dPanels, tall * length);
        var direct = r == TV.Count;
        if (!direct)
        {
            PackPanels<T, TV>(tall, 4, r, count, ref dBlock, dStep, ref dPanels);
        }

        PackPanels<T, TV>(wide, 4, r, count, ref xBlock, xStep, ref xPanels);
        var vectors = length / TV.Count;
        for (var j = 0; j < wide; j += 4)
        {
            ref var xPanel = ref Unsafe.Add(ref xPanels, j * length);
            for (var i = 0; i < tall; i += 4)
            {
                if (direct)
                {
                    PanelTile4x4<T, TV>(vectors, ref Unsafe.Add(ref dBlock, i * r), dStep, ref xPanel, ref Unsafe.Add(ref c, (i * rowsX) + j), rowsX);
                }
                else
                {
                    PanelTile4x4<T, TV>(vectors, ref Unsafe.Add(ref dPanels, i * length), 4 * TV.Count, ref xPanel, ref Unsafe.Add(ref c, (i * rowsX) + j), rowsX);
                }
            }
        }

        for (var i = 0; i < tall; i += 4)
        {
            for (var rest = wide; rest < rowsX; rest++)
            {
                Tile4x1<T, TV>(i, rest, rowsX, r, count, ref dBlock, dStep, r, ref xBlock, xStep, r, ref c);
            }
        }

        for (var i = tall; i < rowsD; i++)
        {
            for (var j = 0; j < rowsX; j++)
            {
                Single<T, TV>(i, j, rowsX, r, count, ref dBlock, dStep, r, ref xBlock, xStep, r, ref c);
            }
        }
    }

    /// <summary>Rows [0, rows) of a block (row stride r, step stride <paramref name="step"/>) into panels of <paramref name="height"/> rows, step by step and vector by vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackPanels<T, TV>(int rows, int height, int r, int count, ref T source, int step, ref T destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        ref var to = ref destination;
        for (var p = 0; p < rows; p += height)
        {
            for (var s = 0; s < count; s++)
            {
                ref var from = ref Unsafe.Add(ref source, (s * step) + (p * r));
                for (var col = 0; col < r; col += TV.Count)
                {
                    for (var row = 0; row < height; row++)
                    {
                        TV.Store(TV.Load(ref Unsafe.Add(ref from, (row * r) + col)), ref to);
                        to = ref Unsafe.Add(ref to, TV.Count);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A 4 × 4 tile over packed panels: <paramref name="vectors"/> vectors of each row, read at fixed offsets.
    /// With AVX-512 its 16 horizontal sums run as one transposing tree (four rounds of shuffles and adds) whose
    /// additions pair the lanes exactly as <see cref="IVector{TSelf, T}.Sum"/> does: same bits, a tenth of the work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PanelTile4x4<T, TV>(int vectors, ref T dp, int dAdvance, ref T xp, ref T c0, int rowsX)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        TV s00 = TV.Zero, s01 = TV.Zero, s02 = TV.Zero, s03 = TV.Zero;
        TV s10 = TV.Zero, s11 = TV.Zero, s12 = TV.Zero, s13 = TV.Zero;
        TV s20 = TV.Zero, s21 = TV.Zero, s22 = TV.Zero, s23 = TV.Zero;
        TV s30 = TV.Zero, s31 = TV.Zero, s32 = TV.Zero, s33 = TV.Zero;
        for (var q = 0; q < vectors; q++)
        {
            var dv0 = TV.Load(ref dp);
            var dv1 = TV.Load(ref Unsafe.Add(ref dp, 1 * TV.Count));
            var dv2 = TV.Load(ref Unsafe.Add(ref dp, 2 * TV.Count));
            var dv3 = TV.Load(ref Unsafe.Add(ref dp, 3 * TV.Count));
            var xv0 = TV.Load(ref xp);
            s00 = TV.MultiplyAdd(dv0, xv0, s00);
            s10 = TV.MultiplyAdd(dv1, xv0, s10);
            s20 = TV.MultiplyAdd(dv2, xv0, s20);
            s30 = TV.MultiplyAdd(dv3, xv0, s30);
            var xv1 = TV.Load(ref Unsafe.Add(ref xp, 1 * TV.Count));
            s01 = TV.MultiplyAdd(dv0, xv1, s01);
            s11 = TV.MultiplyAdd(dv1, xv1, s11);
            s21 = TV.MultiplyAdd(dv2, xv1, s21);
            s31 = TV.MultiplyAdd(dv3, xv1, s31);
            var xv2 = TV.Load(ref Unsafe.Add(ref xp, 2 * TV.Count));
            s02 = TV.MultiplyAdd(dv0, xv2, s02);
            s12 = TV.MultiplyAdd(dv1, xv2, s12);
            s22 = TV.MultiplyAdd(dv2, xv2, s22);
            s32 = TV.MultiplyAdd(dv3, xv2, s32);
            var xv3 = TV.Load(ref Unsafe.Add(ref xp, 3 * TV.Count));
            s03 = TV.MultiplyAdd(dv0, xv3, s03);
            s13 = TV.MultiplyAdd(dv1, xv3, s13);
            s23 = TV.MultiplyAdd(dv2, xv3, s23);
            s33 = TV.MultiplyAdd(dv3, xv3, s33);
            dp = ref Unsafe.Add(ref dp, dAdvance);
            xp = ref Unsafe.Add(ref xp, 4 * TV.Count);
        }

        if (typeof(TV) == typeof(Vector512Ops<float>) && Avx512F.IsSupported)
        {
            // Vector512.Sum adds lane pairs, then pairs of pairs within each 128-bit quarter, then quarters 0 + 1
            // and 2 + 3, then those two. Round by round: pairs of lanes, pairs of pairs (both by vshufps, so
            // accumulator m's quarter sums land in lane m % 4), quarter pairs and halves (vshuff32x4): lane m
            // ends holding accumulator m's sum, m = 4 · row + column.
            var p0 = Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s00), Unsafe.As<TV, Vector512<float>>(ref s01), 0x88) + Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s00), Unsafe.As<TV, Vector512<float>>(ref s01), 0xDD);
            var p1 = Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s02), Unsafe.As<TV, Vector512<float>>(ref s03), 0x88) + Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s02), Unsafe.As<TV, Vector512<float>>(ref s03), 0xDD);
            var p2 = Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s10), Unsafe.As<TV, Vector512<float>>(ref s11), 0x88) + Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s10), Unsafe.As<TV, Vector512<float>>(ref s11), 0xDD);
            var p3 = Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s12), Unsafe.As<TV, Vector512<float>>(ref s13), 0x88) + Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s12), Unsafe.As<TV, Vector512<float>>(ref s13), 0xDD);
            var p4 = Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s20), Unsafe.As<TV, Vector512<float>>(ref s21), 0x88) + Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s20), Unsafe.As<TV, Vector512<float>>(ref s21), 0xDD);
            var p5 = Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s22), Unsafe.As<TV, Vector512<float>>(ref s23), 0x88) + Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s22), Unsafe.As<TV, Vector512<float>>(ref s23), 0xDD);
            var p6 = Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s30), Unsafe.As<TV, Vector512<float>>(ref s31), 0x88) + Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s30), Unsafe.As<TV, Vector512<float>>(ref s31), 0xDD);
            var p7 = Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s32), Unsafe.As<TV, Vector512<float>>(ref s33), 0x88) + Avx512F.Shuffle(Unsafe.As<TV, Vector512<float>>(ref s32), Unsafe.As<TV, Vector512<float>>(ref s33), 0xDD);
            var q0 = Avx512F.Shuffle(p0, p1, 0x88) + Avx512F.Shuffle(p0, p1, 0xDD);
            var q1 = Avx512F.Shuffle(p2, p3, 0x88) + Avx512F.Shuffle(p2, p3, 0xDD);
            var q2 = Avx512F.Shuffle(p4, p5, 0x88) + Avx512F.Shuffle(p4, p5, 0xDD);
            var q3 = Avx512F.Shuffle(p6, p7, 0x88) + Avx512F.Shuffle(p6, p7, 0xDD);
            var h0 = Avx512F.Shuffle4x128(q0, q1, 0x88) + Avx512F.Shuffle4x128(q0, q1, 0xDD);
            var h1 = Avx512F.Shuffle4x128(q2, q3, 0x88) + Avx512F.Shuffle4x128(q2, q3, 0xDD);
            var sums = Avx512F.Shuffle4x128(h0, h1, 0x88) + Avx512F.Shuffle4x128(h0, h1, 0xDD);
            ref var row0 = ref Unsafe.As<T, float>(ref c0);
            (Vector128.LoadUnsafe(ref row0) + Avx512F.ExtractVector128(sums, 0)).StoreUnsafe(ref row0);
            ref var row1 = ref Unsafe.As<T, float>(ref Unsafe.Add(ref c0, 1 * rowsX));
            (Vector128.LoadUnsafe(ref row1) + Avx512F.ExtractVector128(sums, 1)).StoreUnsafe(ref row1);
            ref var row2 = ref Unsafe.As<T, float>(ref Unsafe.Add(ref c0, 2 * rowsX));
            (Vector128.LoadUnsafe(ref row2) + Avx512F.ExtractVector128(sums, 2)).StoreUnsafe(ref row2);
            ref var row3 = ref Unsafe.As<T, float>(ref Unsafe.Add(ref c0, 3 * rowsX));
            (Vector128.LoadUnsafe(ref row3) + Avx512F.ExtractVector128(sums, 3)).StoreUnsafe(ref row3);
        }
        else
        {
            ref var c1 = ref Unsafe.Add(ref c0, rowsX);
            ref var c2 = ref Unsafe.Add(ref c1, rowsX);
            ref var c3 = ref Unsafe.Add(ref c2, rowsX);
            c0 += TV.Sum(s00);
            Unsafe.Add(ref c0, 1) += TV.Sum(s01);
            Unsafe.Add(ref c0, 2) += TV.Sum(s02);
            Unsafe.Add(ref c0, 3) += TV.Sum(s03);
            c1 += TV.Sum(s10);
            Unsafe.Add(ref c1, 1) += TV.Sum(s11);
            Unsafe.Add(ref c1, 2) += TV.Sum(s12);
            Unsafe.Add(ref c1, 3) += TV.Sum(s13);
            c2 += TV.Sum(s20);
            Unsafe.Add(ref c2, 1) += TV.Sum(s21);
            Unsafe.Add(ref c2, 2) += TV.Sum(s22);
            Unsafe.Add(ref c2, 3) += TV.Sum(s23);
            c3 += TV.Sum(s30);
            Unsafe.Add(ref c3, 1) += TV.Sum(s31);
            Unsafe.Add(ref c3, 2) += TV.Sum(s32);
            Unsafe.Add(ref c3, 3) += TV.Sum(s33);
        }
    }

    /// <summary>Scratch that lets <see cref="AccumulateProducts{T, TV}"/> pack a block of <paramref name="block"/> steps.</summary>
    public static int PackedLength(int rowsD, int rowsX, int r, int block) => block * (rowsD + rowsX) * r;

    /// <summary>
    /// Steps per block of <see cref="AccumulateProducts{T, TV}"/> for a [rowsD × rowsX] product: blocks
    /// fit in L2 so that each is swept from cache by every tile; the length depends only on the shapes.
    /// </summary>
    public static int StepBlock<T>(int rowsD, int rowsX, int r, int steps)
        where T : unmanaged
    {
        var bytesPerStep = (rowsD + rowsX) * r * Unsafe.SizeOf<T>();
        return Math.Clamp((768 * 1024) / Math.Max(1, bytesPerStep), 1, Math.Max(1, steps));
    }

    /// <summary>out[i] += Σ_s Σ_col D_s[i, col]: the bias gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulateRowSums<T, TV>(int rows, int r, int steps, ref T d, int dStep, ref T output)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var i = 0;
        // Four rows at a time: one accumulator alone waits out each add's latency. Each row's order is unchanged.
        for (; i + 4 <= rows; i += 4)
        {
            TV acc0 = TV.Zero, acc1 = TV.Zero, acc2 = TV.Zero, acc3 = TV.Zero;
            ref var rows0 = ref Unsafe.Add(ref d, i * r);
            for (var s = 0; s < steps; s++)
            {
                for (var col = 0; col < r; col += TV.Count)
                {
                    ref var at = ref Unsafe.Add(ref rows0, col);
                    acc0 = TV.Add(acc0, TV.Load(ref at));
                    acc1 = TV.Add(acc1, TV.Load(ref Unsafe.Add(ref at, r)));
                    acc2 = TV.Add(acc2, TV.Load(ref Unsafe.Add(ref at, 2 * r)));
                    acc3 = TV.Add(acc3, TV.Load(ref Unsafe.Add(ref at, 3 * r)));
                }

                rows0 = ref Unsafe.Add(ref rows0, dStep);
            }

            Unsafe.Add(ref output, i) += TV.Sum(acc0);
            Unsafe.Add(ref output, i + 1) += TV.Sum(acc1);
            Unsafe.Add(ref output, i + 2) += TV.Sum(acc2);
            Unsafe.Add(ref output, i + 3) += TV.Sum(acc3);
        }

        for (; i < rows; i++)
        {
            var acc = TV.Zero;
            for (var s = 0; s < steps; s++)
            {
                ref var row = ref Unsafe.Add(ref d, (s * dStep) + (i * r));
                for (var col = 0; col < r; col += TV.Count)
                {
                    acc = TV.Add(acc, TV.Load(ref Unsafe.Add(ref row, col)));
                }
            }

            Unsafe.Add(ref output, i) += TV.Sum(acc);
        }
    }

    /// <summary>One block of steps of <see cref="AccumulateProducts{T, TV}"/>: element (row, s, col) of D at d + s·dStep + row·dRow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block<T, TV>(int rowsD, int rowsX, int r, int count, ref T dBlock, int dStep, int dRow, ref T xBlock, int xStep, int xRow, ref T c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var i = 0;
        if (!Vector512.IsHardwareAccelerated)
        {
            // 16 vector registers without AVX-512: six rows × two columns (12 accumulators, 8 loads per 12 FMAs).
            for (; i + 6 <= rowsD; i += 6)
            {
                var j = 0;
                for (; j + 2 <= rowsX; j += 2)
                {
                    Tile6x2<T, TV>(i, j, rowsX, r, count, ref dBlock, dStep, dRow, ref xBlock, xStep, xRow, ref c);
                }

                for (; j < rowsX; j++)
                {
                    Tile4x1<T, TV>(i, j, rowsX, r, count, ref dBlock, dStep, dRow, ref xBlock, xStep, xRow, ref c);
                    Single<T, TV>(i + 4, j, rowsX, r, count, ref dBlock, dStep, dRow, ref xBlock, xStep, xRow, ref c);
                    Single<T, TV>(i + 5, j, rowsX, r, count, ref dBlock, dStep, dRow, ref xBlock, xStep, xRow, ref c);
                }
            }
        }

        for (; i + 4 <= rowsD; i += 4)
        {
            var j = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; j + 4 <= rowsX; j += 4)
                {
                    Tile4x4<T, TV>(i, j, rowsX, r, count, ref dBlock, dStep, dRow, ref xBlock, xStep, xRow, ref c);
                }
            }
            else
            {
                // 16 vector registers without AVX-512: a 4 × 4 tile's accumulators alone would fill them.
                for (; j + 2 <= rowsX; j += 2)
                {
                    Tile4x2<T, TV>(i, j, rowsX, r, count, ref dBlock, dStep, dRow, ref xBlock, xStep, xRow, ref c);
                }
            }

            for (; j < rowsX; j++)
            {
                Tile4x1<T, TV>(i, j, rowsX, r, count, ref dBlock, dStep, dRow, ref xBlock, xStep, xRow, ref c);
            }
        }

        for (; i < rowsD; i++)
        {
            for (var j = 0; j < rowsX; j++)
            {
                Single<T, TV>(i, j, rowsX, r, count, ref dBlock, dStep, dRow, ref xBlock, xStep, xRow, ref c);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Single<T, TV>(int i, int j, int rowsX, int r, int count, ref T d, int dStep, int dRow, ref T x, int xStep, int xRow, ref T c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var acc = TV.Zero;
        for (var s = 0; s < count; s++)
        {
            ref var dRowRef = ref Unsafe.Add(ref d, (s * dStep) + (i * dRow));
            ref var xRowRef = ref Unsafe.Add(ref x, (s * xStep) + (j * xRow));
            for (var col = 0; col < r; col += TV.Count)
            {
                acc = TV.MultiplyAdd(TV.Load(ref Unsafe.Add(ref dRowRef, col)), TV.Load(ref Unsafe.Add(ref xRowRef, col)), acc);
            }
        }

        Unsafe.Add(ref c, (i * rowsX) + j) += TV.Sum(acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile6x2<T, TV>(int i, int j, int rowsX, int r, int steps, ref T d, int dStep, int dRow, ref T x, int xStep, int xRow, ref T c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        TV s00 = TV.Zero, s01 = TV.Zero, s10 = TV.Zero, s11 = TV.Zero, s20 = TV.Zero, s21 = TV.Zero;
        TV s30 = TV.Zero, s31 = TV.Zero, s40 = TV.Zero, s41 = TV.Zero, s50 = TV.Zero, s51 = TV.Zero;
        for (var s = 0; s < steps; s++)
        {
            ref var d0 = ref Unsafe.Add(ref d, (s * dStep) + (i * dRow));
            ref var x0 = ref Unsafe.Add(ref x, (s * xStep) + (j * xRow));
            ref var x1 = ref Unsafe.Add(ref x0, xRow);
            for (var col = 0; col < r; col += TV.Count)
            {
                var xv0 = TV.Load(ref Unsafe.Add(ref x0, col));
                var xv1 = TV.Load(ref Unsafe.Add(ref x1, col));
                ref var dc = ref Unsafe.Add(ref d0, col);
                var dv = TV.Load(ref dc);
                s00 = TV.MultiplyAdd(dv, xv0, s00);
                s01 = TV.MultiplyAdd(dv, xv1, s01);
                dv = TV.Load(ref Unsafe.Add(ref dc, dRow));
                s10 = TV.MultiplyAdd(dv, xv0, s10);
                s11 = TV.MultiplyAdd(dv, xv1, s11);
                dv = TV.Load(ref Unsafe.Add(ref dc, 2 * dRow));
                s20 = TV.MultiplyAdd(dv, xv0, s20);
                s21 = TV.MultiplyAdd(dv, xv1, s21);
                dv = TV.Load(ref Unsafe.Add(ref dc, 3 * dRow));
                s30 = TV.MultiplyAdd(dv, xv0, s30);
                s31 = TV.MultiplyAdd(dv, xv1, s31);
                dv = TV.Load(ref Unsafe.Add(ref dc, 4 * dRow));
                s40 = TV.MultiplyAdd(dv, xv0, s40);
                s41 = TV.MultiplyAdd(dv, xv1, s41);
                dv = TV.Load(ref Unsafe.Add(ref dc, 5 * dRow));
                s50 = TV.MultiplyAdd(dv, xv0, s50);
                s51 = TV.MultiplyAdd(dv, xv1, s51);
            }
        }

        ref var c0 = ref Unsafe.Add(ref c, (i * rowsX) + j);
        c0 += TV.Sum(s00);
        Unsafe.Add(ref c0, 1) += TV.Sum(s01);
        ref var c1 = ref Unsafe.Add(ref c0, rowsX);
        c1 += TV.Sum(s10);
        Unsafe.Add(ref c1, 1) += TV.Sum(s11);
        ref var c2 = ref Unsafe.Add(ref c1, rowsX);
        c2 += TV.Sum(s20);
        Unsafe.Add(ref c2, 1) += TV.Sum(s21);
        ref var c3 = ref Unsafe.Add(ref c2, rowsX);
        c3 += TV.Sum(s30);
        Unsafe.Add(ref c3, 1) += TV.Sum(s31);
        ref var c4 = ref Unsafe.Add(ref c3, rowsX);
        c4 += TV.Sum(s40);
        Unsafe.Add(ref c4, 1) += TV.Sum(s41);
        ref var c5 = ref Unsafe.Add(ref c4, rowsX);
        c5 += TV.Sum(s50);
        Unsafe.Add(ref c5, 1) += TV.Sum(s51);
    }

    /// <summary>Copies rows × count blocks of r values (row stride r, step stride <paramref name="step"/>) into row-major [rows × (count·r)].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pack<T, TV>(int rows, int r, int count, ref T source, int step, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var length = count * r;
        if (destination.Length < rows * length)
        {
            throw new ArgumentException("Packing scratch is shorter than the block.", nameof(destination));
        }

        ref var to = ref MemoryMarshal.GetReference(destination);
        for (var s = 0; s < count; s++)
        {
            ref var from = ref Unsafe.Add(ref source, s * step);
            for (var row = 0; row < rows; row++)
            {
                ref var target = ref Unsafe.Add(ref to, (row * length) + (s * r));
                ref var origin = ref Unsafe.Add(ref from, row * r);
                for (var col = 0; col < r; col += TV.Count)
                {
                    TV.Store(TV.Load(ref Unsafe.Add(ref origin, col)), ref Unsafe.Add(ref target, col));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x4<T, TV>(int i, int j, int rowsX, int r, int steps, ref T d, int dStep, int dRow, ref T x, int xStep, int xRow, ref T c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        TV s00 = TV.Zero, s01 = TV.Zero, s02 = TV.Zero, s03 = TV.Zero;
        TV s10 = TV.Zero, s11 = TV.Zero, s12 = TV.Zero, s13 = TV.Zero;
        TV s20 = TV.Zero, s21 = TV.Zero, s22 = TV.Zero, s23 = TV.Zero;
        TV s30 = TV.Zero, s31 = TV.Zero, s32 = TV.Zero, s33 = TV.Zero;
        for (var s = 0; s < steps; s++)
        {
            ref var d0 = ref Unsafe.Add(ref d, (s * dStep) + (i * dRow));
            ref var d1 = ref Unsafe.Add(ref d0, dRow);
            ref var d2 = ref Unsafe.Add(ref d1, dRow);
            ref var d3 = ref Unsafe.Add(ref d2, dRow);
            ref var x0 = ref Unsafe.Add(ref x, (s * xStep) + (j * xRow));
            ref var x1 = ref Unsafe.Add(ref x0, xRow);
            ref var x2 = ref Unsafe.Add(ref x1, xRow);
            ref var x3 = ref Unsafe.Add(ref x2, xRow);
            for (var col = 0; col < r; col += TV.Count)
            {
                var dv0 = TV.Load(ref Unsafe.Add(ref d0, col));
                var dv1 = TV.Load(ref Unsafe.Add(ref d1, col));
                var dv2 = TV.Load(ref Unsafe.Add(ref d2, col));
                var dv3 = TV.Load(ref Unsafe.Add(ref d3, col));
                var xv0 = TV.Load(ref Unsafe.Add(ref x0, col));
                var xv1 = TV.Load(ref Unsafe.Add(ref x1, col));
                var xv2 = TV.Load(ref Unsafe.Add(ref x2, col));
                var xv3 = TV.Load(ref Unsafe.Add(ref x3, col));
                s00 = TV.MultiplyAdd(dv0, xv0, s00);
                s01 = TV.MultiplyAdd(dv0, xv1, s01);
                s02 = TV.MultiplyAdd(dv0, xv2, s02);
                s03 = TV.MultiplyAdd(dv0, xv3, s03);
                s10 = TV.MultiplyAdd(dv1, xv0, s10);
                s11 = TV.MultiplyAdd(dv1, xv1, s11);
                s12 = TV.MultiplyAdd(dv1, xv2, s12);
                s13 = TV.MultiplyAdd(dv1, xv3, s13);
                s20 = TV.MultiplyAdd(dv2, xv0, s20);
                s21 = TV.MultiplyAdd(dv2, xv1, s21);
                s22 = TV.MultiplyAdd(dv2, xv2, s22);
                s23 = TV.MultiplyAdd(dv2, xv3, s23);
                s30 = TV.MultiplyAdd(dv3, xv0, s30);
                s31 = TV.MultiplyAdd(dv3, xv1, s31);
                s32 = TV.MultiplyAdd(dv3, xv2, s32);
                s33 = TV.MultiplyAdd(dv3, xv3, s33);
            }
        }

        ref var c0 = ref Unsafe.Add(ref c, (i * rowsX) + j);
        ref var c1 = ref Unsafe.Add(ref c0, rowsX);
        ref var c2 = ref Unsafe.Add(ref c1, rowsX);
        ref var c3 = ref Unsafe.Add(ref c2, rowsX);
        c0 += TV.Sum(s00);
        Unsafe.Add(ref c0, 1) += TV.Sum(s01);
        Unsafe.Add(ref c0, 2) += TV.Sum(s02);
        Unsafe.Add(ref c0, 3) += TV.Sum(s03);
        c1 += TV.Sum(s10);
        Unsafe.Add(ref c1, 1) += TV.Sum(s11);
        Unsafe.Add(ref c1, 2) += TV.Sum(s12);
        Unsafe.Add(ref c1, 3) += TV.Sum(s13);
        c2 += TV.Sum(s20);
        Unsafe.Add(ref c2, 1) += TV.Sum(s21);
        Unsafe.Add(ref c2, 2) += TV.Sum(s22);
        Unsafe.Add(ref c2, 3) += TV.Sum(s23);
        c3 += TV.Sum(s30);
        Unsafe.Add(ref c3, 1) += TV.Sum(s31);
        Unsafe.Add(ref c3, 2) += TV.Sum(s32);
        Unsafe.Add(ref c3, 3) += TV.Sum(s33);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x2<T, TV>(int i, int j, int rowsX, int r, int steps, ref T d, int dStep, int dRow, ref T x, int xStep, int xRow, ref T c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        TV s00 = TV.Zero, s01 = TV.Zero, s10 = TV.Zero, s11 = TV.Zero;
        TV s20 = TV.Zero, s21 = TV.Zero, s30 = TV.Zero, s31 = TV.Zero;
        for (var s = 0; s < steps; s++)
        {
            ref var d0 = ref Unsafe.Add(ref d, (s * dStep) + (i * dRow));
            ref var d1 = ref Unsafe.Add(ref d0, dRow);
            ref var d2 = ref Unsafe.Add(ref d1, dRow);
            ref var d3 = ref Unsafe.Add(ref d2, dRow);
            ref var x0 = ref Unsafe.Add(ref x, (s * xStep) + (j * xRow));
            ref var x1 = ref Unsafe.Add(ref x0, xRow);
            for (var col = 0; col < r; col += TV.Count)
            {
                var xv0 = TV.Load(ref Unsafe.Add(ref x0, col));
                var xv1 = TV.Load(ref Unsafe.Add(ref x1, col));
                var dv = TV.Load(ref Unsafe.Add(ref d0, col));
                s00 = TV.MultiplyAdd(dv, xv0, s00);
                s01 = TV.MultiplyAdd(dv, xv1, s01);
                dv = TV.Load(ref Unsafe.Add(ref d1, col));
                s10 = TV.MultiplyAdd(dv, xv0, s10);
                s11 = TV.MultiplyAdd(dv, xv1, s11);
                dv = TV.Load(ref Unsafe.Add(ref d2, col));
                s20 = TV.MultiplyAdd(dv, xv0, s20);
                s21 = TV.MultiplyAdd(dv, xv1, s21);
                dv = TV.Load(ref Unsafe.Add(ref d3, col));
                s30 = TV.MultiplyAdd(dv, xv0, s30);
                s31 = TV.MultiplyAdd(dv, xv1, s31);
            }
        }

        ref var c0 = ref Unsafe.Add(ref c, (i * rowsX) + j);
        c0 += TV.Sum(s00);
        Unsafe.Add(ref c0, 1) += TV.Sum(s01);
        ref var c1 = ref Unsafe.Add(ref c0, rowsX);
        c1 += TV.Sum(s10);
        Unsafe.Add(ref c1, 1) += TV.Sum(s11);
        ref var c2 = ref Unsafe.Add(ref c1, rowsX);
        c2 += TV.Sum(s20);
        Unsafe.Add(ref c2, 1) += TV.Sum(s21);
        ref var c3 = ref Unsafe.Add(ref c2, rowsX);
        c3 += TV.Sum(s30);
        Unsafe.Add(ref c3, 1) += TV.Sum(s31);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x1<T, TV>(int i, int j, int rowsX, int r, int steps, ref T d, int dStep, int dRow, ref T x, int xStep, int xRow, ref T c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        TV s0 = TV.Zero, s1 = TV.Zero, s2 = TV.Zero, s3 = TV.Zero;
        for (var s = 0; s < steps; s++)
        {
            ref var d0 = ref Unsafe.Add(ref d, (s * dStep) + (i * dRow));
            ref var d1 = ref Unsafe.Add(ref d0, dRow);
            ref var d2 = ref Unsafe.Add(ref d1, dRow);
            ref var d3 = ref Unsafe.Add(ref d2, dRow);
            ref var x0 = ref Unsafe.Add(ref x, (s * xStep) + (j * xRow));
            for (var col = 0; col < r; col += TV.Count)
            {
                var xv = TV.Load(ref Unsafe.Add(ref x0, col));
                s0 = TV.MultiplyAdd(TV.Load(ref Unsafe.Add(ref d0, col)), xv, s0);
                s1 = TV.MultiplyAdd(TV.Load(ref Unsafe.Add(ref d1, col)), xv, s1);
                s2 = TV.MultiplyAdd(TV.Load(ref Unsafe.Add(ref d2, col)), xv, s2);
                s3 = TV.MultiplyAdd(TV.Load(ref Unsafe.Add(ref d3, col)), xv, s3);
            }
        }

        ref var c0 = ref Unsafe.Add(ref c, (i * rowsX) + j);
        c0 += TV.Sum(s0);
        Unsafe.Add(ref c0, rowsX) += TV.Sum(s1);
        Unsafe.Add(ref c0, 2 * rowsX) += TV.Sum(s2);
        Unsafe.Add(ref c0, 3 * rowsX) += TV.Sum(s3);
    }
}
