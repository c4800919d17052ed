using GanTuner.Neural;
using GanTuner.Tuning.Tuners;

namespace GanTuner.Tuning.Gan.Contrastive;

/// <summary>
/// The second-generation GAN tuner (<c>gan</c>): discriminators contrast the best observed configurations
/// ("real") with the rest of the observed ones and uniform points ("fake"), optionally on top of the Parzen log
/// ratio of the two classes (<c>gan.margin</c>, on by default, which their MLPs then learn to correct), a generator with one pathway per
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
/// (startup or model), <c>gan.injection</c>, <c>gan.source</c> (generator, region, perturbation, parzen or uniform), and
/// <c>gan.margin</c> (λ, on model proposals when the Parzen margin is on) with <c>gan.margin_loo</c> (true, when its
/// training margins are left out).</para>
/// </remarks>
public sealed class ContrastiveGanTuner : ITuner
{
    private readonly SearchSpace _space;
    private readonly SeededRandom _root;
    private readonly ToldTrials _trials;
    private readonly ObjectiveHistory _history = new();
    private readonly bool[] _categorical;
    private readonly GeneratorCandidates _generator;
    private readonly EliteCandidates _elite;

    public ContrastiveGanTuner(SearchSpace space, int seed, ContrastiveGanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        _space = space;
        Settings = settings;
        _root = new SeededRandom(seed).Derive("gan2");
        _trials = new ToldTrials(space);
        _categorical = [.. space.Parameters.Select(p => p is CategoricalParameter)];
        _generator = new GeneratorCandidates(space.Dimensions, new GanSettings(), settings);
        _elite = new EliteCandidates(_categorical, settings);
    }

    public string Name => Settings.TunerName();

    public ContrastiveGanSettings Settings { get; }

    public bool ReplayNeedsAsks => false;

    public Proposal Ask() => Ask([]);

    public Proposal Ask(IReadOnlyList<double[]> pending)
    {
        var (running, excluded, random) = _trials.Open(pending, _root);
        var attributes = new Dictionary<string, string>
        {
            [LegacyTunerNames.GanVersionKey] = "2",
            ["gan.phase"] = "startup",
            ["gan.injection"] = "false",
            ["gan.source"] = "uniform",
        };

        double[]? point = null;
        if (_trials.Values.Count >= Settings.Startup)
        {
            var injecting = Settings.Injection && (Settings.Stagnation > 0 ? Stagnates() : _history.Deteriorates(Settings.InjectionWindow));
            var chosen = Propose(running, excluded, injecting, random);
            if (chosen is not null)
            {
                point = chosen.Value.Point;
                attributes["gan.phase"] = "model";
                attributes["gan.injection"] = injecting ? "true" : "false";
                attributes["gan.source"] = chosen.Value.Source;
                if (Settings.Margin > 0)
                {
                    // A study resumed across the margin's arrival switches to it: its trials say which they were.
                    attributes["gan.margin"] = Settings.Margin.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                    if (Settings.MarginLeaveOneOut)
                    {
                        attributes["gan.margin_loo"] = "true";
                    }
                }
            }
        }

        point ??= excluded.RandomNovel(random.Derive("fallback"));
        _trials.Proposed(point);
        return new Proposal(point, attributes);
    }

    public void Tell(Observation observation)
    {
        if (_trials.Tell(observation) is double value)
        {
            _history.Add(value);
        }
    }

    private (double[] Point, string Source)? Propose(List<double[]> running, ConfigurationMemory excluded, bool injecting, SeededRandom random)
    {
        var (points, values) = (_trials.Points, _trials.Values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var good = Math.Clamp((int)Math.Ceiling(Settings.Gamma * order.Length), 1, order.Length);
        var set = ContrastiveTrainingSet.Build(points, values, order, good, running, injecting, Settings, random.Derive("training-set"));
        var discriminators = DiscriminatorEnsemble.Train(_space.Dimensions, set, Settings, random.Derive("discriminator"));

        var pool = new List<(double[] Point, string Source)>();
        var region = new TrustRegion(points[order[0]], Settings.Region ? TrustRegion.ReplaySide(values, Settings, _space.Dimensions) : 1.0, _categorical);
        if (Settings.Generator && Settings.PoolGenerated > 0)
        {
            var (low, high) = Settings.Region && Settings.Confinement ? (region.Low, region.High) : UnitCube.Box(_space.Dimensions);
            pool.AddRange(_generator.Draw(discriminators, _history, low, high, random.Derive("generator")).Select(p => (p, "generator")));
        }

        if (Settings.Perturbation && Settings.Region)
        {
            var draws = random.Derive("region");
            for (var c = 0; c < Settings.PoolPerturbed; c++)
            {
                pool.Add((region.Draw(Settings.PerturbedShare, draws), "region"));
            }
        }
        else if (Settings.Perturbation)
        {
            pool.AddRange(_elite.Perturbations(points, order, random.Derive("perturbations")).Select(p => (p, "perturbation")));
        }

        if (Settings.PoolParzen > 0)
        {
            pool.AddRange(_elite.Parzen(points, order, good, random.Derive("parzen")).Select(p => (p, "parzen")));
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
        var scores = discriminators.Score([.. snapped.Select(c => c.Point)], points);
        // Stable: among equal scores the earlier candidate wins.
        return Enumerable.Range(0, snapped.Count).OrderByDescending(i => scores[i])
            .Select(i => snapped[i]).Cast<(double[] Point, string Source)?>()
            .FirstOrDefault(c => excluded.IsNovel(c!.Value.Point));
    }

    /// <summary>No new best in the last <see cref="ContrastiveGanSettings.Stagnation"/> completed trials.</summary>
    private bool Stagnates()
    {
        var (window, values) = (Settings.Stagnation, _trials.Values);
        if (values.Count <= window + Settings.Startup)
        {
            return false;
        }

        var before = values.Take(values.Count - window).Min();
        return values.Skip(values.Count - window).All(v => v >= before);
    }
}
