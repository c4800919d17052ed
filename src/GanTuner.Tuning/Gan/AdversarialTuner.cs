using System.Globalization;
using GanTuner.Neural;
using GanTuner.Tuning.Tuners;

namespace GanTuner.Tuning.Gan;

/// <summary>
/// The paper's GAN tuner (sections 3.3–3.7) behind the ask/tell interface. A generator with one pathway
/// per hyperparameter proposes configurations; a discriminator learns to tell the best configurations so
/// far ("real") from uniformly random ones ("fake"); the generator is trained to make the discriminator
/// call its proposals real, to move towards what scored well and away from what did not (feedback), and
/// to give different proposals for different noise (diversity). When quality deteriorates, random
/// configurations join the real set for that round (injection), which flattens the discriminator and
/// widens the search.
/// </summary>
/// <remarks>
/// Every random draw comes from streams derived from the seed, and the networks are trained only inside
/// <see cref="Ask()"/> from what <see cref="Tell"/> recorded, so the same seed and the same Ask/Tell
/// sequence give the same proposals bit for bit (studies rebuild the tuner by replay).
/// Each proposal's attributes: <c>gan.phase</c> (startup, generator or fallback), <c>gan.injection</c>
/// (true when random configurations were injected into the real set for this round), <c>gan.redraws</c>
/// (how many generated proposals repeated a known configuration and were drawn again).
/// A failed trial (no value) counts as evaluated, so it is never proposed again, but it enters neither
/// the history, the real set nor the feedback.
/// </remarks>
public sealed class AdversarialTuner : ITuner
{
    private readonly SearchSpace _space;
    private readonly PathwayGenerator _generator;
    private readonly ConfigurationDiscriminator _discriminator;
    private readonly ConfigurationMemory _memory;
    private readonly ObjectiveHistory _history = new();
    private readonly List<GeneratorRecord> _observed = [];
    private readonly Dictionary<string, GeneratorInput> _pending = new(StringComparer.Ordinal);
    private readonly SeededRandom _proposalNoise;
    private readonly SeededRandom _trainingNoise;
    private readonly SeededRandom _configurations;
    private readonly SeededRandom _startup;
    private readonly SeededRandom _untracked;
    private int _asked;
    private int _trainedOn = -1;
    private bool _injecting;

    public AdversarialTuner(SearchSpace space, int seed, GanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        _space = space;
        Settings = settings;
        var root = new SeededRandom(seed).Derive("gan");
        _generator = new PathwayGenerator(space.Dimensions, settings, root.Derive("generator"));
        _discriminator = new ConfigurationDiscriminator(space.Dimensions, settings, root.Derive("discriminator"));
        _memory = new ConfigurationMemory(space);
        _proposalNoise = root.Derive("proposal-noise");
        _trainingNoise = root.Derive("training-noise");
        _configurations = root.Derive("configurations");
        _startup = root.Derive("startup");
        _untracked = root.Derive("untracked");
    }

    public string Name => Settings.TunerName();

    public GanSettings Settings { get; }

    /// <summary>Layer sizes of each generator pathway, input first (history + noise → … → 1).</summary>
    public IReadOnlyList<int> PathwaySizes => _generator.PathwaySizes;

    /// <summary>Number of independent generator pathways (one per hyperparameter).</summary>
    public int PathwayCount => _generator.Dimensions;

    public Proposal Ask()
    {
        _asked++;
        var history = _history.Features(_generator.HistoryLength);
        if (_asked <= Settings.Startup || _observed.Count == 0)
        {
            var random = _memory.RandomNovel(_startup);
            return Propose(random, new GeneratorInput(history, DrawNoise(_proposalNoise)), "startup", false, 0);
        }

        if (_trainedOn != _observed.Count)
        {
            Train(history);
            _trainedOn = _observed.Count;
        }

        for (var redraws = 0; redraws <= Settings.Redraws; redraws++)
        {
            var input = new GeneratorInput(history, DrawNoise(_proposalNoise));
            var point = _space.Snap(_generator.Forward([input.History], [input.Noise]).Row(0));
            if (_memory.IsNovel(point))
            {
                return Propose(point, input, "generator", _injecting, redraws);
            }
        }

        var fallback = _memory.RandomNovel(_startup);
        return Propose(fallback, new GeneratorInput(history, DrawNoise(_proposalNoise)), "fallback", _injecting, Settings.Redraws + 1);
    }

    /// <summary>Never proposes a pending configuration (each is remembered as seen); the paper's tuner knows nothing more of running trials.</summary>
    public Proposal Ask(IReadOnlyList<double[]> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        foreach (var point in pending)
        {
            _memory.Add(point);
        }

        return Ask();
    }

    public void Tell(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var point = _space.Snap(observation.Point);
        _memory.Add(point);
        var key = _space.Decode(point).Key;
        // A retried or foreign configuration has no generator input: it gets fresh noise and today's history.
        if (!_pending.Remove(key, out var input))
        {
            input = new GeneratorInput(_history.Features(_generator.HistoryLength), DrawNoise(_untracked));
        }

        if (observation.Value is double value)
        {
            _history.Add(value);
            _observed.Add(new GeneratorRecord(point, value, input));
        }
    }

    private Proposal Propose(double[] point, GeneratorInput input, string phase, bool injection, int redraws)
    {
        _memory.Add(point);
        _pending[_space.Decode(point).Key] = input;
        return new Proposal(point, new Dictionary<string, string>
        {
            ["gan.phase"] = phase,
            ["gan.injection"] = injection ? "true" : "false",
            ["gan.redraws"] = redraws.ToString(CultureInfo.InvariantCulture),
        });
    }

    private void Train(double[] history)
    {
        var elite = _observed.OrderBy(o => o.Value).Take(Settings.Elite).Select(o => o.Point).ToList();
        _injecting = Settings.Injection && _history.Deteriorates(Settings.InjectionWindow);
        if (_injecting)
        {
            elite.AddRange(Enumerable.Range(0, elite.Count).Select(_ => NextPoint(_configurations)));
        }

        var spread = Spread(elite);
        TrainDiscriminator(elite, spread);

        var advantages = GeneratorLosses.Advantages([.. _observed.Select(o => o.Value)], Settings.FeedbackTop, Settings.FeedbackRepel);
        var recordedHistories = _observed.Select(o => o.Input.History).ToList();
        var recordedNoise = _observed.Select(o => o.Input.Noise).ToList();
        var targets = _observed.Select(o => o.Point).ToList();
        var wanted = spread.Select(s => Math.Max(Settings.DiversityFloor, Settings.DiversityScale * s)).ToArray();
        var histories = Enumerable.Repeat(history, Settings.GeneratorBatch).ToList();
        for (var step = 0; step < Settings.GeneratorSteps; step++)
        {
            var noise = Enumerable.Range(0, Settings.GeneratorBatch).Select(_ => DrawNoise(_trainingNoise)).ToList();
            var proposals = _generator.Forward(histories, noise);
            var gradient = _discriminator.RealnessLoss(proposals, Settings.AdversarialWeight).Gradient;
            if (Settings.Diversity)
            {
                Add(gradient, GeneratorLosses.Diversity(proposals, noise, _generator.NoiseDimensions, wanted, Settings.DiversityWeight).Gradient);
            }

            _generator.Backward(gradient);
            if (Settings.Feedback)
            {
                var recalled = _generator.Forward(recordedHistories, recordedNoise);
                _generator.Backward(GeneratorLosses.Feedback(recalled, targets, advantages, Settings.FeedbackRadius, Settings.FeedbackWeight).Gradient);
            }

            _generator.Step();
        }
    }

    private void TrainDiscriminator(List<double[]> real, double[] spread)
    {
        var dimensions = _space.Dimensions;
        var copies = new double[real.Count * Settings.RealCopies][];
        var fakes = new double[Settings.DiscriminatorFakes][];
        for (var step = 0; step < Settings.DiscriminatorSteps; step++)
        {
            // Jittered copies teach the discriminator a region around each real configuration instead of
            // a few memorised points, so its gradient leads the generator towards them.
            for (var c = 0; c < copies.Length; c++)
            {
                var point = real[c / Settings.RealCopies];
                var copy = new double[dimensions];
                for (var i = 0; i < dimensions; i++)
                {
                    copy[i] = Math.Clamp(point[i] + (Settings.RealJitter * spread[i] * _configurations.NextGaussian()), 0.0, 1.0);
                }

                copies[c] = copy;
            }

            for (var f = 0; f < fakes.Length; f++)
            {
                fakes[f] = NextPoint(_configurations);
            }

            _discriminator.Train(copies, fakes);
        }
    }

    // Per-coordinate standard deviation of the real set: how widely the good configurations lie.
    private double[] Spread(List<double[]> real)
    {
        var spread = new double[_space.Dimensions];
        for (var i = 0; i < spread.Length; i++)
        {
            var mean = real.Average(p => p[i]);
            spread[i] = Math.Max(Settings.DiversityFloor, Math.Sqrt(real.Average(p => (p[i] - mean) * (p[i] - mean))));
        }

        return spread;
    }

    private double[] DrawNoise(SeededRandom random)
    {
        var noise = new double[_space.Dimensions * _generator.NoiseDimensions];
        for (var k = 0; k < noise.Length; k++)
        {
            noise[k] = random.NextGaussian();
        }

        return noise;
    }

    private double[] NextPoint(SeededRandom random) => random.NextPoint(_space.Dimensions);

    private static void Add(Matrix target, Matrix addend)
    {
        for (var k = 0; k < target.Data.Length; k++)
        {
            target.Data[k] += addend.Data[k];
        }
    }
}
