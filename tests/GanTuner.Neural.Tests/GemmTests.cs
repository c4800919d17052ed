using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using GanTuner.Neural.Kernels;

namespace GanTuner.Neural.Tests;

/// <summary>
/// The fast kernels (contiguous-row gate products, packed weight-gradient panels) must give the bits of the
/// plain definition: every result is the same sums in the same order, whichever tile computes it.
/// </summary>
public sealed class GemmTests
{
    public static TheoryData<int, int, int> ProductShapes => new()
    {
        { 1, 1, 1 }, { 3, 7, 2 }, { 8, 34, 1 }, { 15, 5, 3 }, { 16, 41, 1 }, { 17, 80, 2 },
        { 24, 13, 1 }, { 33, 9, 2 }, { 136, 68, 1 }, { 160, 80, 2 }, { 192, 96, 3 },
    };

    public static TheoryData<int, int, int, int> GradientShapes => new()
    {
        { 4, 6, 1, 1 }, { 4, 5, 3, 2 }, { 8, 13, 7, 1 }, { 12, 41, 30, 1 }, { 160, 80, 30, 1 },
        { 136, 68, 9, 2 }, { 6, 7, 4, 2 }, { 1, 40, 5, 1 },
    };

    [Theory]
    [MemberData(nameof(ProductShapes))]
    public void A_product_with_contiguous_rows_has_the_bits_of_the_fused_multiply_add_chain(int m, int k, int vectors)
    {
        ProductMatchesDefinition<Vector256Ops<float>>(m, k, vectors);
        ProductMatchesDefinition<ScalarOps<float>>(m, k, vectors);
        if (Vector512.IsHardwareAccelerated)
        {
            ProductMatchesDefinition<Vector512Ops<float>>(m, k, vectors);
        }
    }

    [Theory]
    [MemberData(nameof(GradientShapes))]
    public void A_packed_weight_gradient_has_the_bits_of_the_unpacked_one(int rowsD, int rowsX, int steps, int vectors)
    {
        GradientPackingKeepsBits<Vector256Ops<float>>(rowsD, rowsX, steps, vectors);
        GradientPackingKeepsBits<ScalarOps<float>>(rowsD, rowsX, steps, vectors);
        if (Vector512.IsHardwareAccelerated)
        {
            GradientPackingKeepsBits<Vector512Ops<float>>(rowsD, rowsX, steps, vectors);
        }
    }

    private static void ProductMatchesDefinition<TV>(int m, int k, int vectors)
        where TV : struct, IVector<TV, float>
    {
        var r = vectors * TV.Count;
        var random = new Random((m * 1000) + k);
        var w = Values(random, m * k);
        var transposed = new float[k * m];
        for (var i = 0; i < m; i++)
        {
            for (var p = 0; p < k; p++)
            {
                transposed[(p * m) + i] = w[(i * k) + p];
            }
        }

        var b = Values(random, k * r);
        var bias = Values(random, m);
        var start = Values(random, m * r);
        foreach (var init in new[] { GemmInit.Bias, GemmInit.Accumulate, GemmInit.Zero })
        {
            var expected = new float[m * r];
            for (var i = 0; i < m; i++)
            {
                for (var col = 0; col < r; col++)
                {
                    var s = init switch { GemmInit.Bias => bias[i], GemmInit.Accumulate => start[(i * r) + col], _ => 0f };
                    for (var p = 0; p < k; p++)
                    {
                        s = MathF.FusedMultiplyAdd(w[(i * k) + p], b[(p * r) + col], s);
                    }

                    expected[(i * r) + col] = s;
                }
            }

            var strided = (float[])start.Clone();
            var contiguous = (float[])start.Clone();
            ref var noBias = ref Unsafe.NullRef<float>();
            ref var biasRef = ref init == GemmInit.Bias ? ref bias[0] : ref noBias;
            Gemm.Multiply<float, TV>(m, k, r, ref w[0], k, 1, ref b[0], ref strided[0], ref biasRef, init);
            Gemm.Multiply<float, TV>(m, k, r, ref transposed[0], 1, m, ref b[0], ref contiguous[0], ref biasRef, init);
            Assert.Equal(expected, strided);
            Assert.Equal(expected, contiguous);
        }
    }

    private static void GradientPackingKeepsBits<TV>(int rowsD, int rowsX, int steps, int vectors)
        where TV : struct, IVector<TV, float>
    {
        var r = vectors * TV.Count;
        var random = new Random((rowsD * 100) + rowsX + steps);
        // Blocks a whole step apart, as in the workspace: δz of step s at s·dStep, [x; h] at s·xStep.
        var (dStep, xStep) = ((rowsD + 3) * r, (rowsX + 1) * r);
        var d = Values(random, steps * dStep);
        var x = Values(random, steps * xStep);
        var initial = Values(random, rowsD * rowsX);
        var block = Math.Max(1, steps / 2);
        var unpacked = (float[])initial.Clone();
        var packed = (float[])initial.Clone();
        Gemm.AccumulateProducts<float, TV>(rowsD, rowsX, r, steps, ref d[0], dStep, ref x[0], xStep, ref unpacked[0], block);
        Gemm.AccumulateProducts<float, TV>(rowsD, rowsX, r, steps, ref d[0], dStep, ref x[0], xStep, ref packed[0], block, new float[Gemm.PackedLength(rowsD, rowsX, r, block)]);
        Assert.Equal(unpacked, packed);

        // And the sums are right: against a double-precision reference.
        for (var i = 0; i < rowsD; i++)
        {
            for (var j = 0; j < rowsX; j++)
            {
                var sum = (double)initial[(i * rowsX) + j];
                for (var s = 0; s < steps; s++)
                {
                    for (var col = 0; col < r; col++)
                    {
                        sum += (double)d[(s * dStep) + (i * r) + col] * x[(s * xStep) + (j * r) + col];
                    }
                }

                Assert.Equal(sum, packed[(i * rowsX) + j], 1e-3 * (1 + Math.Abs(sum)));
            }
        }
    }

    private static float[] Values(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
}
