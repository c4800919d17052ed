using GanTuner.Neural;
using GanTuner.Tuning.Gan.Contrastive;

namespace GanTuner.Tuning.Tests;

/// <summary>The discriminators' Parzen base margin: the log ratio it claims, and gradients that the generator can trust.</summary>
public sealed class ParzenMarginTests
{
    private static (Matrix Rows, bool[] Real, double[] Weights) Set()
    {
        var rows = Matrix.FromRows(
        [
            [-0.6, 0.2, 0.1], [-0.5, 0.3, 0.0], [0.7, -0.8, 0.5], [0.1, 0.9, -0.4], [0.4, 0.4, 0.4], [-0.9, -0.9, 0.9],
        ]);
        return (rows, [true, true, false, false, false, false], [0.3, 0.2, 0.1, 0.2, 0.1, 0.1]);
    }

    /// <summary>A class's density by hand, without its kernel <paramref name="leave"/> (−1: none): the floor and
    /// width stay those of all its rows; the other kernels share the left-out one's weight.</summary>
    private static double Density(double[][] centres, double[] w, double[] at, int leave)
    {
        var sigma = 2 * 0.2 * Math.Pow(centres.Length, -1.0 / 7);
        var floor = 1.0 / (centres.Length + 1);
        var total = w.Sum() - (leave < 0 ? 0 : w[leave]);
        var sum = floor / 8;
        for (var k = 0; k < centres.Length; k++)
        {
            if (k != leave)
            {
                var d2 = centres[k].Select((c, i) => (at[i] - c) * (at[i] - c)).Sum();
                sum += (1 - floor) * (w[k] / total) * Math.Exp(-0.5 * d2 / (sigma * sigma)) / Math.Pow(2 * Math.PI * sigma * sigma, 1.5);
            }
        }

        return sum;
    }

    [Fact]
    public void The_margin_is_the_weighted_log_ratio_of_the_two_densities()
    {
        var (rows, real, weights) = Set();
        var margin = new ParzenMargin(rows, real, weights, 2.0);
        double[] z = [-0.4, 0.1, 0.2];

        // By hand: a uniform floor of 1/(m + 1) on [−1, 1]³ and one Gaussian per row of width 2·0.2·m^(−1/7).
        var all = Enumerable.Range(0, rows.Rows).Select(r => rows.Row(r).ToArray()).ToArray();
        var expected = 2.0 * (Math.Log(Density(all[..2], weights[..2], z, -1)) - Math.Log(Density(all[2..], weights[2..], z, -1)));
        Assert.Equal(expected, margin.Margins(Matrix.FromRows([z]))[0], 12);
        // Near the real rows the ratio favours real, at a fake row fake.
        Assert.True(margin.Margins(Matrix.FromRows([[-0.55, 0.25, 0.05]]))[0] > 0);
        Assert.True(margin.Margins(Matrix.FromRows([[0.7, -0.8, 0.5]]))[0] < 0);
    }

    [Fact]
    public void A_leave_one_out_margin_leaves_the_rows_own_kernel_out_of_its_class()
    {
        var (rows, real, weights) = Set();
        var margin = new ParzenMargin(rows, real, weights, 2.0);
        var all = Enumerable.Range(0, rows.Rows).Select(r => rows.Row(r).ToArray()).ToArray();

        var loo = margin.LeaveOneOutMargins(rows);
        var inSample = margin.Margins(rows);
        for (var r = 0; r < rows.Rows; r++)
        {
            var (realLeave, fakeLeave) = real[r] ? (r, -1) : (-1, r - 2);
            var expected = 2.0 * (Math.Log(Density(all[..2], weights[..2], all[r], realLeave)) - Math.Log(Density(all[2..], weights[2..], all[r], fakeLeave)));
            Assert.Equal(expected, loo[r], 12);
            // On these rows, each looks less like its class without its own kernel than in sample.
            Assert.True(real[r] ? loo[r] < inSample[r] : loo[r] > inSample[r]);
        }
    }

    [Fact]
    public void Left_out_of_a_class_with_no_other_weight_a_row_sees_the_uniform_density()
    {
        var (rows, _, weights) = Set();
        // One real row; then two real rows, the other of which weighs nothing (LFBO's weight at the threshold).
        bool[] one = [true, false, false, false, false, false];
        var alone = new ParzenMargin(rows, one, weights, 2.0);
        var zero = new ParzenMargin(rows, [true, true, false, false, false, false], [0.3, 0.0, 0.1, 0.2, 0.1, 0.1], 2.0);

        var all = Enumerable.Range(0, rows.Rows).Select(r => rows.Row(r).ToArray()).ToArray();
        var uniform = -3 * Math.Log(2);
        Assert.Equal(2.0 * (uniform - Math.Log(Density(all[1..], weights[1..], all[0], -1))), alone.LeaveOneOutMargins(rows)[0], 12);
        Assert.Equal(2.0 * (uniform - Math.Log(Density(all[2..], weights[2..], all[0], -1))), zero.LeaveOneOutMargins(rows)[0], 12);
        Assert.Throws<ArgumentException>(() => alone.LeaveOneOutMargins(Matrix.FromRows([[0.0, 0.0, 0.0]])));
    }

    [Fact]
    public void Its_gradient_matches_finite_differences()
    {
        var (rows, real, weights) = Set();
        var margin = new ParzenMargin(rows, real, weights, 1.5);
        var points = Matrix.FromRows([[-0.4, 0.1, 0.2], [0.3, -0.2, 0.6], [0.95, 0.95, -0.95]]);
        var gradient = new Matrix(points.Rows, points.Columns);
        var values = margin.Margins(points, gradient);

        Assert.Equal(margin.Margins(points), values);
        const double h = 1e-6;
        for (var r = 0; r < points.Rows; r++)
        {
            for (var c = 0; c < points.Columns; c++)
            {
                var up = points.Clone();
                up[r, c] += h;
                var down = points.Clone();
                down[r, c] -= h;
                var numeric = (margin.Margins(up)[r] - margin.Margins(down)[r]) / (2 * h);
                Assert.Equal(numeric, gradient[r, c], 5);
            }
        }
    }

    [Fact]
    public void The_generator_sees_the_gradient_of_the_whole_logit_with_respect_to_the_cube()
    {
        var (rows, real, weights) = Set();
        var margin = new ParzenMargin(rows, real, weights, 2.0);
        var discriminator = new ContrastiveDiscriminator(3, 4, 1, 0.01, new SeededRandom(7));
        var cube = Matrix.FromRows([[0.2, 0.6, 0.55], [0.7, 0.4, 0.9], [0.05, 0.5, 0.3]]);

        // −log D with D = σ(MLP(2x − 1) + margin(2x − 1)), averaged over the rows.
        double Loss(Matrix x)
        {
            var centred = ContrastiveDiscriminator.Centre(x);
            var logits = discriminator.Logits(centred);
            var margins = margin.Margins(centred);
            return logits.Select((l, r) => Math.Log(1 + Math.Exp(-(l + margins[r])))).Average();
        }

        var centredCube = ContrastiveDiscriminator.Centre(cube);
        var marginGradient = new Matrix(cube.Rows, cube.Columns);
        var values = margin.Margins(centredCube, marginGradient);
        var gradient = new Matrix(cube.Rows, cube.Columns);
        discriminator.AddRealnessGradient(centredCube, gradient, 1.0, (values, marginGradient));
        var withoutMargin = new Matrix(cube.Rows, cube.Columns);
        discriminator.AddRealnessGradient(centredCube, withoutMargin, 1.0);

        const double h = 1e-6;
        for (var k = 0; k < cube.Data.Length; k++)
        {
            var up = cube.Clone();
            up.Data[k] += h;
            var down = cube.Clone();
            down.Data[k] -= h;
            Assert.Equal((Loss(up) - Loss(down)) / (2 * h), gradient.Data[k], 5);
        }

        Assert.NotEqual(withoutMargin.Data, gradient.Data);
    }
}
