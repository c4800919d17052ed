using GanTuner.Neural;

namespace GanTuner.Tuning.Tuners.Tpe;

/// <summary>The Tree-structured Parzen Estimator (Bergstra et al., 2011) as Optuna 3.1 implements it.</summary>
/// <remarks>
/// After <see cref="TpeSettings.Startup"/> random trials, the completed results are split into the best
/// γ-quantile l(x) and the rest g(x); each is modelled by a <see cref="ParzenEstimator"/>; candidates are
/// drawn from l(x) and the one maximising l(x)/g(x) — which maximises expected improvement — is proposed.
/// Multivariate (<c>tpe</c>, Optuna's <c>multivariate=True</c>) draws and scores whole points with one joint
/// kernel per result; univariate (<c>tpe-univariate</c>, Optuna's default) models and chooses each
/// parameter independently. Optuna defaults to univariate only because a define-by-run space may change
/// from trial to trial; ours never does, and the joint model is the stronger (Falkner et al., 2018, and
/// measured here: see the README). Failed trials never enter the model but are never proposed again either.
/// A proposal that repeats a seen configuration is replaced by the next best candidate, then by fresh
/// draws, and as a last resort by a random unseen configuration.
/// </remarks>
public sealed class TpeTuner : ITuner
{
    private const int Rounds = 8;
    private readonly SearchSpace _space;
    private readonly TpeSettings _settings;
    private readonly TpeDimension[] _dimensions;
    private readonly SeededRandom _model;
    private readonly SeededRandom _startup;
    private readonly ConfigurationMemory _memory;
    private readonly List<double[]> _points = [];
    private readonly List<double> _values = [];

    public TpeTuner(SearchSpace space, int seed, TpeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        _space = space;
        _settings = settings;
        _dimensions = TpeDimension.Of(space);
        var random = new SeededRandom(seed);
        _model = random.Derive("tpe");
        _startup = random.Derive("tpe-startup");
        _memory = new ConfigurationMemory(space);
    }

    public string Name => _settings.Multivariate ? "tpe" : "tpe-univariate";

    public Proposal Ask() => Ask([]);

    /// <summary>The next proposal with the <paramref name="pending"/> configurations running: Optuna's
    /// <c>constant_liar</c>, each pending point joins the "bad" group g(x) for this proposal (as if it had the
    /// worst value), so l(x)/g(x) is low around it; and a pending configuration is never proposed.</summary>
    public Proposal Ask(IReadOnlyList<double[]> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        foreach (var running in pending)
        {
            _memory.Add(running);
        }

        var point = _values.Count < _settings.Startup ? _memory.RandomNovel(_startup) : Propose([.. pending.Select(p => _space.Snap(p))]);
        _memory.Add(point);
        return new Proposal(point);
    }

    public void Tell(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        _memory.Add(observation.Point);
        if (observation.Value is double value && double.IsFinite(value))
        {
            _points.Add(_space.Snap(observation.Point));
            _values.Add(value);
        }
    }

    private double[] Propose(List<double[]> liars)
    {
        var (below, above) = Split();
        // The liars are the newest "results", so they go last (the weights ramp by age).
        above.AddRange(liars);
        for (var round = 0; round < Rounds; round++)
        {
            var point = _settings.Multivariate ? ProposeJointly(below, above) : ProposeIndependently(below, above);
            if (point is not null)
            {
                return point;
            }
        }

        return _memory.RandomNovel(_model);
    }

    /// <summary>The best γ-quantile and the rest, each oldest first (the weights ramp by age).</summary>
    private (List<double[]> Below, List<double[]> Above) Split()
    {
        var byValue = Enumerable.Range(0, _values.Count).OrderBy(i => _values[i]).ToArray();
        var count = _settings.Below(_values.Count);
        var below = byValue.Take(count).Order().Select(i => _points[i]).ToList();
        var above = byValue.Skip(count).Order().Select(i => _points[i]).ToList();
        return (below, above);
    }

    private double[]? ProposeIndependently(List<double[]> below, List<double[]> above)
    {
        var point = new double[_space.Dimensions];
        foreach (var dimension in _dimensions)
        {
            TpeDimension[] single = [dimension];
            var good = new ParzenEstimator(below, single, _settings, _space.Dimensions);
            var bad = new ParzenEstimator(above, single, _settings, _space.Dimensions);
            var best = double.NegativeInfinity;
            for (var c = 0; c < _settings.Candidates; c++)
            {
                var candidate = good.Sample(_model);
                var score = good.LogPdf(candidate) - bad.LogPdf(candidate);
                if (score > best)
                {
                    best = score;
                    point[dimension.Index] = candidate[0];
                }
            }
        }

        return _memory.IsNovel(point) ? point : null;
    }

    private double[]? ProposeJointly(List<double[]> below, List<double[]> above)
    {
        var good = new ParzenEstimator(below, _dimensions, _settings, _space.Dimensions);
        var bad = new ParzenEstimator(above, _dimensions, _settings, _space.Dimensions);
        var candidates = new (double[] Point, double Score)[_settings.Candidates];
        for (var c = 0; c < candidates.Length; c++)
        {
            var candidate = good.Sample(_model);
            candidates[c] = (candidate, good.LogPdf(candidate) - bad.LogPdf(candidate));
        }

        // Stable sort: among equal scores the earlier draw wins, as numpy.argmax picks it.
        return candidates.OrderByDescending(c => c.Score).Select(c => c.Point).FirstOrDefault(p => _memory.IsNovel(p));
    }
}
