using GanTuner.Neural;
using GanTuner.Tuning.Tuners;

namespace GanTuner.Tuning.Gan.Contrastive;

/// <summary>
/// The second-generation GAN tuner (<c>gan</c>): discriminators contrast the best observed configurations
/// ("real") with the rest of the observed ones and uniform points ("fake"), a generator with one pathway per
/// hyperparameter learns to produce what they call real, and each proposal is the best of a pool of candidates
/// (generator samples, perturbations of the elite, uniform points) as the discriminators score it. The README's
/// "The second-generation GAN" section gives the algorithm step by step.
/// </summary>
/// <remarks>
/// <para>Each proposal is a pure function of the seed, the observations told so far (in order) and the
/// configurations running (pending points, or own proposals not yet told): every random draw of an Ask comes
/// from a stream derived from (seed, told + running), and the networks are built and trained inside that Ask.
/// So <see cref="ReplayNeedsAsks"/> is false and a replayed study costs one Ask, whatever its length.</para>
/// <para>Pending trials are a constant liar: they join the fake class (they count as not good) and are never
/// proposed. Failed trials are never proposed again and enter neither class.</para>
/// <para>Attributes: <c>gan.version</c> (2, which tells these trials from the paper tuner's), <c>gan.phase</c>
/// (startup or model), <c>gan.injection</c>, <c>gan.source</c> (generator, region, perturbation, parzen or uniform).</para>
/// </remarks>
public sealed class ContrastiveGanTuner : ITuner
{
    private static readonly double[] PerturbationScales = [0.02, 0.05, 0.1, 0.2];
    private readonly SearchSpace _space;
    private readonly SeededRandom _root;
    private readonly ConfigurationMemory _memory;
    private readonly PendingConfigurations _running;
    private readonly ObjectiveHistory _history = new();
    private readonly GanSettings _pathways = new();
    private readonly bool[] _categorical;
    private readonly List<double[]> _points = [];
    private readonly List<double> _values = [];
    private int _told;

    public ContrastiveGanTuner(SearchSpace space, int seed, ContrastiveGanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        _space = space;
        Settings = settings;
        _root = new SeededRandom(seed).Derive("gan2");
        _memory = new ConfigurationMemory(space);
        _running = new PendingConfigurations(space);
        _categorical = [.. space.Parameters.Select(p => p is CategoricalParameter)];
    }

    public string Name => Settings.TunerName();

    public ContrastiveGanSettings Settings { get; }

    public bool ReplayNeedsAsks => false;

    public Proposal Ask() => Ask([]);

    public Proposal Ask(IReadOnlyList<double[]> pending)
    {
        var running = _running.With(pending);
        var random = _root.Derive((ulong)(_told + running.Count));
        var excluded = new ConfigurationMemory(_space, _memory);
        running.ForEach(p => excluded.Add(p));
        var attributes = new Dictionary<string, string>
        {
            [LegacyTunerNames.GanVersionKey] = "2",
            ["gan.phase"] = "startup",
            ["gan.injection"] = "false",
            ["gan.source"] = "uniform",
        };
        double[]? point = null;
        if (_values.Count >= Settings.Startup)
        {
            var injecting = Settings.Injection && (Settings.Stagnation > 0 ? Stagnates() : _history.Deteriorates(Settings.InjectionWindow));
            var chosen = Propose(running, excluded, injecting, random);
            if (chosen is not null)
            {
                point = chosen.Value.Point;
                attributes["gan.phase"] = "model";
                attributes["gan.injection"] = injecting ? "true" : "false";
                attributes["gan.source"] = chosen.Value.Source;
            }
        }

        point ??= excluded.RandomNovel(random.Derive("fallback"));
        _running.Proposed(point);
        return new Proposal(point, attributes);
    }

    public void Tell(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        _told++;
        _memory.Add(observation.Point);
        _running.Told(observation.Point);
        if (observation.Value is double value && double.IsFinite(value))
        {
            _points.Add(_space.Snap(observation.Point));
            _values.Add(value);
            _history.Add(value);
        }
    }

    private (double[] Point, string Source)? Propose(List<double[]> running, ConfigurationMemory excluded, bool injecting, SeededRandom random)
    {
        var order = Enumerable.Range(0, _values.Count).OrderBy(i => _values[i]).ToArray();
        var good = Math.Clamp((int)Math.Ceiling(Settings.Gamma * order.Length), 1, order.Length);
        var (rows, real, weights) = TrainingSet(order, good, running, injecting, random.Derive("training-set"));
        var centred = ContrastiveDiscriminator.Centre(rows);
        var members = Settings.EnsembleSize;
        var discriminators = new ContrastiveDiscriminator[members];
        for (var e = 0; e < members; e++)
        {
            discriminators[e] = new ContrastiveDiscriminator(_space.Dimensions, Settings.DiscriminatorHidden, Settings.DiscriminatorLayers,
                Settings.DiscriminatorLearningRate, random.Derive("discriminator").Derive((ulong)e));
            for (var step = 0; step < Settings.DiscriminatorSteps; step++)
            {
                discriminators[e].Train(centred, real, weights);
            }
        }

        var pool = new List<(double[] Point, string Source)>();
        // The trust region of this Ask: its side replayed once, its box around the best point.
        var side = Settings.Region ? RegionSide() : 1.0;
        var region = RegionBox(_points[order[0]], side);
        if (Settings.Generator && Settings.PoolGenerated > 0)
        {
            var (low, high) = Settings.Region && Settings.Confinement ? region : CubeBox();
            pool.AddRange(Generate(discriminators, low, high, random.Derive("generator")).Select(p => (p, "generator")));
        }

        if (Settings.Perturbation && Settings.Region)
        {
            var perturbations = random.Derive("region");
            for (var c = 0; c < Settings.PoolPerturbed; c++)
            {
                pool.Add((InRegion(_points[order[0]], side, region, perturbations), "region"));
            }
        }
        else if (Settings.Perturbation)
        {
            var perturbations = random.Derive("perturbations");
            // A trust region that tightens as the study grows: (startup / n)^shrink, 1 at the first model Ask.
            var shrink = Math.Pow((double)Settings.Startup / Math.Max(Settings.Startup, _values.Count), Settings.Shrink);
            var elite = order.Take(Math.Min(Settings.Elite, order.Length)).Select(i => _points[i]).ToArray();
            for (var c = 0; c < Settings.PoolPerturbed; c++)
            {
                pool.Add((Perturb(elite[c % elite.Length], shrink * PerturbationScales[(c / elite.Length) % PerturbationScales.Length], perturbations), "perturbation"));
            }
        }

        if (Settings.PoolParzen > 0)
        {
            pool.AddRange(ParzenSamples(order, good, random.Derive("parzen")).Select(p => (p, "parzen")));
        }

        var uniform = random.Derive("uniform");
        for (var c = 0; c < Settings.PoolUniform; c++)
        {
            pool.Add((uniform.NextPoint(_space.Dimensions), "uniform"));
        }

        if (pool.Count == 0)
        {
            return null;
        }

        var snapped = pool.ConvertAll(c => (Point: _space.Snap(c.Point), c.Source));
        var scores = Score(discriminators, [.. snapped.Select(c => c.Point)]);
        // Stable: among equal scores the earlier candidate wins.
        return Enumerable.Range(0, snapped.Count).OrderByDescending(i => scores[i])
            .Select(i => snapped[i]).Cast<(double[] Point, string Source)?>()
            .FirstOrDefault(c => excluded.IsNovel(c!.Value.Point));
    }

    /// <summary>The rows the discriminators learn from, their labels and weights: the real class (the best
    /// <paramref name="good"/> observations, LFBO-weighted, plus random points while injecting) weighs ½, the fake
    /// class (the other observations and the running configurations, plus the uniform prior points) ½.</summary>
    private (List<double[]> Rows, bool[] Real, double[] Weights) TrainingSet(int[] order, int good, List<double[]> running, bool injecting, SeededRandom random)
    {
        var rows = new List<double[]>();
        var realWeights = new List<double>();
        var threshold = good < order.Length ? _values[order[good]] : _values[order[good - 1]];
        var realCounts = Resample(good, random.Derive("bootstrap-real"));
        for (var k = 0; k < good; k++)
        {
            rows.Add(_points[order[k]]);
            realWeights.Add(realCounts[k] * (Settings.Weighting ? threshold - _values[order[k]] : 1.0));
        }

        if (realWeights.Sum() <= 0)
        {
            realWeights = [.. realCounts.Select(c => (double)c)];
        }

        if (injecting)
        {
            var mean = realWeights.Average();
            for (var k = 0; k < good; k++)
            {
                rows.Add(random.NextPoint(_space.Dimensions));
                realWeights.Add(mean);
            }
        }

        var realTotal = realWeights.Sum();
        var weights = realWeights.Select(w => 0.5 * w / realTotal).ToList();
        var realCount = rows.Count;
        var bad = order.Skip(good).Select(i => _points[i]).Concat(running).ToList();
        // Running configurations are lies, not observations: they are never resampled away.
        var badCounts = Resample(order.Length - good, random.Derive("bootstrap-fake")).Concat(running.Select(_ => 1)).ToArray();
        var badTotal = (double)badCounts.Sum();
        var priorShare = Settings.Prior ? (bad.Count == 0 ? 1.0 : Settings.PriorShare) : 0.0;
        for (var k = 0; k < bad.Count; k++)
        {
            rows.Add(bad[k]);
            weights.Add(0.5 * (1 - priorShare) * badCounts[k] / badTotal);
        }

        if (priorShare > 0)
        {
            for (var k = 0; k < Settings.PriorPoints; k++)
            {
                rows.Add(random.NextPoint(_space.Dimensions));
                weights.Add(0.5 * priorShare / Settings.PriorPoints);
            }
        }

        var real = new bool[rows.Count];
        Array.Fill(real, true, 0, realCount);
        return (rows, real, [.. weights]);
    }

    /// <summary>Trains a fresh pathway generator to make the discriminators call its samples real, then samples it.</summary>
    /// <remarks>The generator's unit-cube output u is mapped to low + (high − low)·u: with the trust region, the
    /// generator searches inside it. Unconfined, it found the discriminator's maxima where the discriminator
    /// extrapolates, on the edges and corners of the cube, and those samples won half the Asks and were poor.</remarks>
    private List<double[]> Generate(ContrastiveDiscriminator[] discriminators, double[] low, double[] high, SeededRandom random)
    {
        var generator = new PathwayGenerator(_space.Dimensions, _pathways, random.Derive("pathways"));
        var history = _history.Features(generator.HistoryLength);
        var noise = random.Derive("noise");
        List<double[]> Noise(int count) =>
            [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, _space.Dimensions * generator.NoiseDimensions).Select(_ => noise.NextGaussian()).ToArray())];
        var histories = Enumerable.Repeat(history, Math.Max(Settings.GeneratorBatch, Settings.PoolGenerated)).ToList();
        for (var step = 0; step < Settings.GeneratorSteps; step++)
        {
            var batch = Noise(Settings.GeneratorBatch);
            var samples = Map(generator.Forward(histories.GetRange(0, batch.Count), batch), low, high);
            var gradient = new Matrix(samples.Rows, samples.Columns);
            var centred = ContrastiveDiscriminator.Centre(samples);
            foreach (var discriminator in discriminators)
            {
                discriminator.AddRealnessGradient(centred, gradient, 1.0 / discriminators.Length);
            }

            for (var r = 0; r < gradient.Rows; r++)
            {
                for (var c = 0; c < gradient.Columns; c++)
                {
                    gradient[r, c] *= high[c] - low[c];
                }
            }

            generator.Backward(gradient);
            generator.Step();
        }

        var draws = Noise(Settings.PoolGenerated);
        var output = Map(generator.Forward(histories.GetRange(0, draws.Count), draws), low, high);
        return [.. Enumerable.Range(0, output.Rows).Select(r => output.Row(r).ToArray())];
    }

    private static Matrix Map(Matrix unit, double[] low, double[] high)
    {
        var mapped = unit.Clone();
        for (var r = 0; r < mapped.Rows; r++)
        {
            for (var c = 0; c < mapped.Columns; c++)
            {
                mapped[r, c] = low[c] + ((high[c] - low[c]) * unit[r, c]);
            }
        }

        return mapped;
    }

    private (double[] Low, double[] High) CubeBox()
    {
        var high = new double[_space.Dimensions];
        Array.Fill(high, 1.0);
        return (new double[_space.Dimensions], high);
    }

    /// <summary>The trust region's box: side <paramref name="side"/> around the centre, cut to the cube; the whole
    /// range on a categorical coordinate.</summary>
    private (double[] Low, double[] High) RegionBox(double[] centre, double side)
    {
        var (low, high) = CubeBox();
        for (var i = 0; i < centre.Length; i++)
        {
            if (!_categorical[i])
            {
                low[i] = Math.Max(0, centre[i] - (side / 2));
                high[i] = Math.Min(1, centre[i] + (side / 2));
            }
        }

        return (low, high);
    }

    /// <summary>Draws from a Parzen density around the real (good) observations, as multivariate TPE's l(x):
    /// one Gaussian kernel per good point with Scott's-rule width 0.2·n^(−1/(d+4)) on every coordinate (times
    /// <see cref="ContrastiveGanSettings.ParzenWidth"/>), reflected at the edges; a categorical coordinate is
    /// redrawn with that width as its chance. The discriminator, not the density, then chooses among them.</summary>
    private List<double[]> ParzenSamples(int[] order, int good, SeededRandom random)
    {
        var d = _space.Dimensions;
        var sigma = Settings.ParzenWidth * 0.2 * Math.Pow(_values.Count, -1.0 / (d + 4));
        var samples = new List<double[]>(Settings.PoolParzen);
        for (var c = 0; c < Settings.PoolParzen; c++)
        {
            var centre = _points[order[random.NextInt(good)]];
            var x = new double[d];
            for (var i = 0; i < d; i++)
            {
                x[i] = _categorical[i]
                    ? (random.NextDouble() < sigma ? random.NextDouble() : centre[i])
                    : Reflect(centre[i] + (sigma * random.NextGaussian()));
            }

            samples.Add(x);
        }

        return samples;
    }

    /// <summary>Mean logit of the ensemble plus κ times its standard deviation.</summary>
    private double[] Score(ContrastiveDiscriminator[] discriminators, IReadOnlyList<double[]> candidates)
    {
        var centred = ContrastiveDiscriminator.Centre(candidates);
        var logits = discriminators.Select(d => d.Logits(centred)).ToArray();
        var scores = new double[candidates.Count];
        for (var c = 0; c < scores.Length; c++)
        {
            var mean = logits.Average(l => l[c]);
            var spread = logits.Length > 1 ? Math.Sqrt(logits.Sum(l => (l[c] - mean) * (l[c] - mean)) / (logits.Length - 1)) : 0.0;
            scores[c] = mean + (Settings.Bonus * spread) + (Settings.Novelty * Math.Log(Math.Min(NearestDistance(candidates[c]), Settings.NoveltyCap) + 1e-6));
        }

        return scores;
    }

    /// <summary>How often each of <paramref name="count"/> items is drawn when as many are drawn with replacement
    /// (all once without <see cref="ContrastiveGanSettings.Bootstrap"/>).</summary>
    private int[] Resample(int count, SeededRandom random)
    {
        var counts = new int[count];
        if (!Settings.Bootstrap)
        {
            Array.Fill(counts, 1);
            return counts;
        }

        for (var k = 0; k < count; k++)
        {
            counts[random.NextInt(count)]++;
        }

        return counts;
    }

    /// <summary>The trust region's side, replayed from the completed values in the order they were told, as
    /// TuRBO keeps it: from <see cref="ContrastiveGanSettings.RegionInitial"/> at the first model trial, doubled
    /// (up to the maximum) after a run of improvements on the best, halved after a run of trials that did not
    /// improve, and back to the initial side when it falls below the minimum (a restart).</summary>
    private double RegionSide()
    {
        var failuresToShrink = Settings.RegionFailures > 0 ? Settings.RegionFailures : Math.Max(4, _space.Dimensions);
        var side = Settings.RegionInitial;
        var best = _values.Take(Settings.Startup).Min();
        var (successes, failures) = (0, 0);
        for (var t = Settings.Startup; t < _values.Count; t++)
        {
            var improved = _values[t] < best - (1e-3 * Math.Abs(best));
            best = Math.Min(best, _values[t]);
            (successes, failures) = improved ? (successes + 1, 0) : (0, failures + 1);
            if (successes >= Settings.RegionSuccesses)
            {
                side = Math.Min(2 * side, Settings.RegionMaximum);
                successes = 0;
            }
            else if (failures >= failuresToShrink)
            {
                side /= 2;
                failures = 0;
                if (side < Settings.RegionMinimum)
                {
                    side = Settings.RegionInitial;
                }
            }
        }

        return side;
    }

    /// <summary>A point drawn uniformly from the trust region (<paramref name="box"/>, of the given side around the
    /// centre, cut to the cube) on each coordinate with probability <see cref="ContrastiveGanSettings.PerturbedShare"/> (at least
    /// one), the centre's value on the others; a categorical coordinate is redrawn with probability side/2.</summary>
    private double[] InRegion(double[] centre, double side, (double[] Low, double[] High) box, SeededRandom random)
    {
        var x = (double[])centre.Clone();
        var kept = random.NextInt(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            var moved = i == kept || random.NextDouble() < Settings.PerturbedShare;
            if (!moved)
            {
                continue;
            }

            if (_categorical[i])
            {
                x[i] = random.NextDouble() < Math.Min(1, side / 2) ? random.NextDouble() : centre[i];
            }
            else
            {
                x[i] = random.NextUniform(box.Low[i], box.High[i]);
            }
        }

        return x;
    }

    /// <summary>No new best in the last <see cref="ContrastiveGanSettings.Stagnation"/> completed trials.</summary>
    private bool Stagnates()
    {
        var window = Settings.Stagnation;
        if (_values.Count <= window + Settings.Startup)
        {
            return false;
        }

        var before = _values.Take(_values.Count - window).Min();
        return _values.Skip(_values.Count - window).All(v => v >= before);
    }

    /// <summary>Distance to the nearest evaluated configuration, per √dimension.</summary>
    private double NearestDistance(double[] x)
    {
        var nearest = double.PositiveInfinity;
        foreach (var point in _points)
        {
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var d = x[i] - point[i];
                sum += d * d;
            }

            nearest = Math.Min(nearest, sum);
        }

        return Math.Sqrt(nearest / x.Length);
    }

    private double[] Perturb(double[] point, double scale, SeededRandom random)
    {
        var x = new double[point.Length];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = _categorical[i]
                ? (random.NextDouble() < scale ? random.NextDouble() : point[i])
                : Reflect(point[i] + (scale * random.NextGaussian()));
        }

        // Moving only some coordinates (at least one) is a line search along the others' values: in a
        // few dimensions at a time, a step is less often spoilt by the rest.
        if (Settings.PerturbedShare < 1)
        {
            var kept = random.NextInt(x.Length);
            for (var i = 0; i < x.Length; i++)
            {
                if (i != kept && random.NextDouble() >= Settings.PerturbedShare)
                {
                    x[i] = point[i];
                }
            }
        }

        return x;
    }

    /// <summary>Folds a coordinate back into [0, 1] like a mirror: clamping would pile candidates onto the edges.</summary>
    private static double Reflect(double x)
    {
        var folded = Math.Abs(x) % 2.0;
        return folded > 1.0 ? 2.0 - folded : folded;
    }
}
