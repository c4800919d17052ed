using GanTuner.Neural;

namespace GanTuner.Tuning.Tuners.Tpe;

/// <summary>A mixture of truncated-normal (or categorical) kernels on [0, 1]^k, one per observation plus
/// a flat prior: Optuna 3.1's <c>_ParzenEstimator</c>, on the unit cube.</summary>
/// <remarks>
/// Bandwidths: univariate, each kernel's σ is the larger gap to its sorted neighbours (the edges are
/// neighbours too, except for the outermost kernels unless endpoints are considered); multivariate,
/// one σ = 0.2·n^(−1/(d+4)) for all (Scott's rule, as in BOHB). Either is clipped to
/// [1/min(100, 1 + kernels), 1] by the "magic clip"; the prior is N(0.5, 1). Weights are 1 per observation
/// (older ones ramp down once there are more than 25) plus the prior weight, normalised. A continuous
/// kernel's density lacks its 1/σ factor unless <see cref="TpeSettings.TextbookDensity"/> is set.
/// </remarks>
internal sealed class ParzenEstimator
{
    private const double SigmaMagnitude = 0.2;
    private readonly TpeDimension[] _dimensions;
    private readonly double[] _weights;
    private readonly double[] _logWeights;
    private readonly double[][] _mus;
    private readonly double[][] _sigmas;
    private readonly double[][] _logNormalisers;
    private readonly double[][][] _choiceWeights;
    private readonly bool _textbookDensity;

    /// <param name="observations">Snapped points, oldest first.</param>
    /// <param name="dimensions">The coordinates to model (one for univariate TPE, all for multivariate).</param>
    /// <param name="spaceDimensions">The space's dimension count (Scott's rule uses it).</param>
    /// <param name="settings">Prior weight, clipping, endpoints and the choice of bandwidth rule.</param>
    public ParzenEstimator(
        IReadOnlyList<double[]> observations, TpeDimension[] dimensions, TpeSettings settings, int spaceDimensions)
    {
        _dimensions = dimensions;
        _textbookDensity = settings.TextbookDensity;
        var n = observations.Count;
        _weights = Weights(n, settings.PriorWeight);
        _logWeights = [.. _weights.Select(w => Math.Log(w))];
        var kernels = n + 1;
        _mus = new double[dimensions.Length][];
        _sigmas = new double[dimensions.Length][];
        _logNormalisers = new double[dimensions.Length][];
        _choiceWeights = new double[dimensions.Length][][];
        for (var j = 0; j < dimensions.Length; j++)
        {
            var dimension = dimensions[j];
            var values = observations.Select(o => o[dimension.Index]).ToArray();
            if (dimension.Categorical)
            {
                _choiceWeights[j] = ChoiceWeights(values, dimension.Cells!.Value, settings.PriorWeight);
                continue;
            }

            var mus = new double[kernels];
            values.CopyTo(mus, 0);
            mus[n] = 0.5;
            var sigmas = settings.Multivariate
                ? Enumerable.Repeat(SigmaMagnitude * Math.Pow(Math.Max(n, 1), -1.0 / (spaceDimensions + 4)), kernels).ToArray()
                : NeighbourSigmas(mus, settings.Endpoints);
            var minimum = settings.MagicClip ? 1.0 / Math.Min(100.0, 1.0 + kernels) : 1e-12;
            for (var c = 0; c < kernels; c++)
            {
                sigmas[c] = Math.Clamp(sigmas[c], minimum, 1.0);
            }

            sigmas[n] = 1.0;
            _mus[j] = mus;
            _sigmas[j] = sigmas;
            _logNormalisers[j] = [.. mus.Select((mu, c) => TruncatedNormal.LogMass(-mu / sigmas[c], (1 - mu) / sigmas[c]))];
        }
    }

    /// <summary>A point (over the modelled coordinates) drawn from the mixture; discrete ones are snapped.</summary>
    public double[] Sample(SeededRandom random)
    {
        var component = PickComponent(random.NextDouble());
        var sample = new double[_dimensions.Length];
        for (var j = 0; j < _dimensions.Length; j++)
        {
            var cells = _dimensions[j].Cells;
            if (_dimensions[j].Categorical)
            {
                var row = _choiceWeights[j][component];
                var u = random.NextDouble();
                var choice = 0;
                for (var cumulative = row[0]; choice < row.Length - 1 && cumulative < u; cumulative += row[++choice])
                {
                }

                sample[j] = (choice + 0.5) / cells!.Value;
                continue;
            }

            var x = TruncatedNormal.Sample(random, _mus[j][component], _sigmas[j][component], 0, 1);
            sample[j] = cells is int k ? (Math.Min(Math.Floor(x * k), k - 1) + 0.5) / k : x;
        }

        return sample;
    }

    /// <summary>log density (log mass for discrete coordinates) of the mixture at <paramref name="x"/>.</summary>
    public double LogPdf(ReadOnlySpan<double> x)
    {
        var max = double.NegativeInfinity;
        Span<double> terms = _weights.Length <= 512 ? stackalloc double[_weights.Length] : new double[_weights.Length];
        for (var c = 0; c < _weights.Length; c++)
        {
            var term = _logWeights[c];
            for (var j = 0; j < _dimensions.Length; j++)
            {
                term += LogKernel(j, c, x[j]);
            }

            terms[c] = term;
            max = Math.Max(max, term);
        }

        var sum = 0.0;
        foreach (var term in terms)
        {
            sum += Math.Exp(term - max);
        }

        return max + Math.Log(sum);
    }

    private double LogKernel(int j, int c, double x)
    {
        var dimension = _dimensions[j];
        if (dimension.Categorical)
        {
            var k = dimension.Cells!.Value;
            return Math.Log(_choiceWeights[j][c][Math.Min((int)(x * k), k - 1)]);
        }

        var mu = _mus[j][c];
        var sigma = _sigmas[j][c];
        if (dimension.Cells is int cells)
        {
            var half = 0.5 / cells;
            var low = Math.Max(x - half, 0);
            var high = Math.Min(x + half, 1);
            return TruncatedNormal.LogMass((low - mu) / sigma, (high - mu) / sigma) - _logNormalisers[j][c];
        }

        return TruncatedNormal.LogDensity(x, mu, sigma, _textbookDensity) - _logNormalisers[j][c];
    }

    private int PickComponent(double u)
    {
        var cumulative = 0.0;
        for (var c = 0; c < _weights.Length - 1; c++)
        {
            cumulative += _weights[c];
            if (u < cumulative)
            {
                return c;
            }
        }

        return _weights.Length - 1;
    }

    /// <summary>Optuna's default_weights (flat below 25 observations, older ones ramped down above) plus the prior.</summary>
    private static double[] Weights(int n, double priorWeight)
    {
        var weights = new double[n + 1];
        var ramp = Math.Max(n - 25, 0);
        for (var i = 0; i < n; i++)
        {
            // numpy.linspace(1/n, 1, ramp): the oldest observation weighs 1/n, the newest ramped one 1.
            weights[i] = i >= ramp ? 1.0 : ramp == 1 ? 1.0 / n : (1.0 / n) + (i * (1.0 - (1.0 / n)) / (ramp - 1));
        }

        weights[n] = priorWeight;
        var total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    /// <summary>Univariate bandwidths: the larger distance to the sorted neighbours, the edges counting as neighbours.</summary>
    private static double[] NeighbourSigmas(double[] mus, bool endpoints)
    {
        var order = Enumerable.Range(0, mus.Length).OrderBy(i => mus[i]).ToArray();
        var withEdges = new double[mus.Length + 2];
        withEdges[^1] = 1.0;
        for (var i = 0; i < order.Length; i++)
        {
            withEdges[i + 1] = mus[order[i]];
        }

        var sorted = new double[mus.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = Math.Max(withEdges[i + 1] - withEdges[i], withEdges[i + 2] - withEdges[i + 1]);
        }

        if (!endpoints && withEdges.Length >= 4)
        {
            sorted[0] = withEdges[2] - withEdges[1];
            sorted[^1] = withEdges[^2] - withEdges[^3];
        }

        var sigmas = new double[mus.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sigmas[order[i]] = sorted[i];
        }

        return sigmas;
    }

    /// <summary>Optuna's categorical kernels: each observation's row puts 1 on its choice, every row adds
    /// prior_weight/(n+1) to all choices, rows are normalised (the prior row is uniform).</summary>
    private static double[][] ChoiceWeights(double[] values, int choices, double priorWeight)
    {
        var n = values.Length;
        var rows = new double[n + 1][];
        for (var c = 0; c <= n; c++)
        {
            rows[c] = Enumerable.Repeat(priorWeight / (n + 1), choices).ToArray();
            if (c < n)
            {
                rows[c][Math.Min((int)(values[c] * choices), choices - 1)] += 1;
            }

            var total = rows[c].Sum();
            for (var i = 0; i < choices; i++)
            {
                rows[c][i] /= total;
            }
        }

        return rows;
    }
}
