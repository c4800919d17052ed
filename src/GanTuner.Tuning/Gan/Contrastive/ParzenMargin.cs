using GanTuner.Neural;

namespace GanTuner.Tuning.Gan.Contrastive;

/// <summary>The discriminators' fixed base logit λ·(log l(z) − log g(z)): two Parzen densities over the real and the
/// fake rows of a <see cref="ContrastiveTrainingSet"/>, in the discriminators' centred coordinates. The MLPs learn
/// what this ratio gets wrong (their logit is added to it), as a boosted model learns from a base margin.</summary>
/// <remarks>
/// <para>Why: with 10–20 observations an MLP trained from scratch extrapolates arbitrarily, and its ranking of the
/// candidates near the best points is mostly noise; TPE's l/g ranks them well from the first model trial. With the
/// ratio as the base the discriminator starts where TPE is, and its MLP can only move away from that where the
/// data say so.</para>
/// <para>Each density is a mixture of a uniform floor of weight 1/(m + 1) (the prior, as TPE puts in l and g) and
/// one isotropic Gaussian per row of the class, weighted as the rows are for the cross-entropy, of width
/// Scott's rule 0.2·m^(−1/(d+4)) on the cube, m the class's rows (the fake class's prior points included, so its floor is
/// small and its kernels narrow). Categorical coordinates are treated as numbers.</para>
/// </remarks>
internal sealed class ParzenMargin
{
    private readonly Density _real;
    private readonly Density _fake;
    private readonly double _scale;
    private readonly int _rows;

    /// <param name="centred">The training rows, in centred coordinates.</param>
    /// <param name="real">Which rows are real.</param>
    /// <param name="weights">The rows' cross-entropy weights, which weight their kernels too.</param>
    /// <param name="scale">λ.</param>
    public ParzenMargin(Matrix centred, bool[] real, double[] weights, double scale)
    {
        _scale = scale;
        _rows = centred.Rows;
        _real = new Density(centred, r => real[r], weights);
        _fake = new Density(centred, r => !real[r], weights);
    }

    /// <summary>λ·(log l − log g) at each row of <paramref name="centred"/>; with <paramref name="gradient"/> (rows × d,
    /// overwritten), their gradients with respect to the centred coordinates too.</summary>
    public double[] Margins(Matrix centred, Matrix? gradient = null) => Margins(centred, gradient, leaveOut: false);

    /// <summary>The margins at the training rows (or at moved copies of them, row for row), each left out of its own
    /// class's density: in sample, a row's own kernel nearly decides its class by itself, which leaves the MLP
    /// almost nothing to learn; left out, the margin says what the other rows predict there, and the MLP learns
    /// what that misses, such as a trend towards an edge that no kernel reaches.</summary>
    public double[] LeaveOneOutMargins(Matrix rows) =>
        rows.Rows == _rows ? Margins(rows, null, leaveOut: true)
            : throw new ArgumentException($"expected the {_rows} training rows, not {rows.Rows}", nameof(rows));

    private double[] Margins(Matrix centred, Matrix? gradient, bool leaveOut)
    {
        var margins = new double[centred.Rows];
        var fake = gradient is null ? [] : new double[centred.Columns];
        for (var r = 0; r < margins.Length; r++)
        {
            var z = centred.Row(r);
            var g = gradient is null ? default : gradient.Row(r);
            var exclude = leaveOut ? r : -1;
            margins[r] = _scale * (_real.Log(z, g, exclude) - _fake.Log(z, fake, exclude));
            for (var i = 0; i < g.Length; i++)
            {
                g[i] = _scale * (g[i] - fake[i]);
            }
        }

        return margins;
    }

    private sealed class Density
    {
        private readonly double[][] _centres;
        private readonly double[] _logWeights;
        private readonly double _logFloor;
        private readonly double _variance;
        private readonly double _logNormaliser;
        // Per kernel: its log density, then its density scaled by the largest. One Ask is single-threaded, and
        // jittered training calls Log for every row at every step.
        private readonly double[] _logs;
        // Each training row's kernel in this class (−1 when the row is of the other class), and per kernel the log
        // factor by which the others' weights grow when it is left out (NaN when no weight is left).
        private readonly int[] _kernelOfRow;
        private readonly double[] _leftOutRescale;

        public Density(Matrix centred, Func<int, bool> member, double[] weights)
        {
            var rows = Enumerable.Range(0, centred.Rows).Where(member).ToArray();
            var total = rows.Sum(r => weights[r]);
            if (total <= 0)
            {
                // A class that weighs nothing (or has no rows) is the uniform floor alone.
                rows = [];
            }

            var d = centred.Columns;
            _centres = [.. rows.Select(r => centred.Row(r).ToArray())];
            _kernelOfRow = Enumerable.Repeat(-1, centred.Rows).ToArray();
            for (var k = 0; k < rows.Length; k++)
            {
                _kernelOfRow[rows[k]] = k;
            }

            var kernelWeights = rows.Select(r => weights[r]).ToArray();
            _leftOutRescale = new double[rows.Length];
            for (var left = 0; left < rows.Length; left++)
            {
                // The other kernels take over the left-out one's part of 1 − floor. Summed, not subtracted from the
                // total, so that a tiny remainder is not lost to rounding.
                var others = 0.0;
                for (var k = 0; k < kernelWeights.Length; k++)
                {
                    others += k == left ? 0 : kernelWeights[k];
                }

                _leftOutRescale[left] = others > 0 ? Math.Log(total / others) : double.NaN;
            }

            var floor = 1.0 / (rows.Length + 1);
            // The uniform density of the centred cube [−1, 1]^d is 2^−d.
            _logFloor = Math.Log(floor) - (d * Math.Log(2));
            _logWeights = [.. rows.Select(r => Math.Log((1 - floor) * weights[r] / total))];
            // Scott's width on the cube, doubled in centred units.
            var sigma = 2 * EliteCandidates.ScottWidth(1, Math.Max(1, rows.Length), d);
            _variance = sigma * sigma;
            _logNormaliser = -0.5 * d * Math.Log(2 * Math.PI * _variance);
            _logs = new double[_centres.Length];
        }

        /// <summary>log density at z; with <paramref name="gradient"/>, its gradient there too. With
        /// <paramref name="row"/> ≥ 0, that training row's kernel is left out and the others' weights renormalised.</summary>
        public double Log(ReadOnlySpan<double> z, Span<double> gradient, int row = -1)
        {
            var logs = _logs;
            var max = _logFloor;
            var left = row < 0 ? -1 : _kernelOfRow[row];
            var rescale = left < 0 ? 0.0 : _leftOutRescale[left];
            if (double.IsNaN(rescale))
            {
                // Nothing is left but the uniform density, as for a class that weighs nothing.
                if (!gradient.IsEmpty)
                {
                    gradient.Clear();
                }

                return -z.Length * Math.Log(2);
            }

            for (var k = 0; k < _centres.Length; k++)
            {
                if (k == left)
                {
                    logs[k] = double.NegativeInfinity;
                    continue;
                }

                var sum = 0.0;
                for (var i = 0; i < z.Length; i++)
                {
                    var e = z[i] - _centres[k][i];
                    sum += e * e;
                }

                logs[k] = _logWeights[k] + rescale + _logNormaliser - (0.5 * sum / _variance);
                max = Math.Max(max, logs[k]);
            }

            var total = Math.Exp(_logFloor - max);
            for (var k = 0; k < logs.Length; k++)
            {
                // Kept as the kernel's scaled density, which its share of the gradient reuses.
                logs[k] = Math.Exp(logs[k] - max);
                total += logs[k];
            }

            if (!gradient.IsEmpty)
            {
                gradient.Clear();
                for (var k = 0; k < logs.Length; k++)
                {
                    // Each kernel pulls z towards its centre in proportion to its share of the density.
                    var share = logs[k] / total;
                    for (var i = 0; i < z.Length; i++)
                    {
                        gradient[i] -= share * (z[i] - _centres[k][i]) / _variance;
                    }
                }
            }

            return max + Math.Log(total);
        }
    }
}
