using GanTuner.Neural;
using GanTuner.Tuning.Tuners;

namespace GanTuner.Tuning.Gp;

/// <summary>Bayesian optimisation with a Gaussian process (Optuna 4's <c>GPSampler</c> is the anchor): a
/// Matérn-5/2 ARD kernel fitted by marginal likelihood, and log expected improvement maximised over random
/// points of the cube plus a local search from the best of them.</summary>
/// <remarks>
/// <para>After <see cref="GpSettings.Startup"/> random trials, each Ask standardises the completed values, fits
/// the kernel (<see cref="GaussianProcessFit"/>), scores <see cref="GpSettings.Candidates"/> uniform points and the
/// best observed point by log EI, refines the best few by a (1+1) evolution strategy, and proposes the best
/// configuration not yet evaluated nor running. Every point is snapped through the space before it is scored,
/// so integers, steps, powers of two and log scales are searched as the values they decode to; a categorical
/// dimension's kernel distance is 0 for the same choice and 1 otherwise.</para>
/// <para><b>Pending trials</b> are a constant liar: after the fit (on completed trials only), each running
/// configuration joins the posterior with the worst value observed, so EI there and nearby collapses and
/// parallel workers spread out.</para>
/// <para><b>Replay.</b> Each proposal is a pure function of the seed, the observations told so far (in order) and
/// the configurations running: the random draws of an Ask come from a stream derived from (seed, number told +
/// number running), and the model is fitted inside Ask. So <see cref="ReplayNeedsAsks"/> is false: a study
/// replaying 100 trials tells them and asks once.</para>
/// </remarks>
public sealed class GpTuner : ITuner
{
    private const int PerturbationsPerObservation = 8;
    private readonly SearchSpace _space;
    private readonly SeededRandom _root;
    private readonly ToldTrials _trials;
    private readonly bool[] _categorical;

    public GpTuner(SearchSpace space, int seed, GpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        _space = space;
        Settings = settings;
        _root = new SeededRandom(seed).Derive("gp");
        _trials = new ToldTrials(space);
        _categorical = [.. space.Parameters.Select(p => p is CategoricalParameter)];
    }

    public string Name => "gp";

    public GpSettings Settings { get; }

    public bool ReplayNeedsAsks => false;

    public Proposal Ask() => Ask([]);

    public Proposal Ask(IReadOnlyList<double[]> pending)
    {
        var (running, excluded, random) = _trials.Open(pending, _root);
        double[] point;
        string phase;
        if (_trials.Values.Count < Settings.Startup)
        {
            (point, phase) = (excluded.RandomNovel(random), "startup");
        }
        else
        {
            (point, phase) = (Maximise(running, excluded, random) ?? excluded.RandomNovel(random), "model");
        }

        _trials.Proposed(point);
        return new Proposal(point, new Dictionary<string, string> { ["gp.phase"] = phase });
    }

    public void Tell(Observation observation) => _trials.Tell(observation);

    private double[]? Maximise(List<double[]> running, ConfigurationMemory excluded, SeededRandom random)
    {
        var (points, values) = (_trials.Points, _trials.Values);
        var mean = values.Average();
        var deviation = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        var scale = deviation > 1e-12 ? deviation : 1.0;
        var standardised = values.Select(v => (v - mean) / scale).ToList();
        var kernel = GaussianProcessFit.Fit(points, standardised, _categorical, Settings.FitIterations);
        var best = standardised.Min();
        var liar = standardised.Max();
        var posterior = new GaussianProcessPosterior(kernel, [.. points, .. running], [.. standardised, .. running.Select(_ => liar)]);
        double Score(double[] x)
        {
            var (mu, variance) = posterior.Predict(x);
            return LogExpectedImprovement.Of(mu, variance, best);
        }

        var scored = new List<(double[] Point, double Score)>();
        void Consider(double[] x)
        {
            var snapped = _space.Snap(x);
            scored.Add((snapped, Score(snapped)));
        }

        for (var c = 0; c < Settings.Candidates; c++)
        {
            Consider(random.NextPoint(_space.Dimensions));
        }

        // Around the incumbent: EI is often highest just beside the best point, where uniform draws are rare.
        var incumbent = points[standardised.IndexOf(best)];
        for (var c = 0; c < PerturbationsPerObservation; c++)
        {
            Consider(Perturb(incumbent, 0.05, random));
        }

        var starts = scored.OrderByDescending(s => s.Score).Take(Settings.LocalStarts).ToList();
        foreach (var start in starts)
        {
            scored.Add(LocalSearch(start, Score, random));
        }

        return scored.OrderByDescending(s => s.Score).Select(s => s.Point).FirstOrDefault(p => excluded.IsNovel(p));
    }

    /// <summary>A (1+1) evolution strategy with the 1/5 success rule, on snapped points.</summary>
    private (double[] Point, double Score) LocalSearch((double[] Point, double Score) start, Func<double[], double> score, SeededRandom random)
    {
        var (point, value) = start;
        var step = 0.1;
        for (var s = 0; s < Settings.LocalSteps; s++)
        {
            var candidate = _space.Snap(Perturb(point, step, random));
            var candidateValue = score(candidate);
            if (candidateValue > value)
            {
                (point, value) = (candidate, candidateValue);
                step = Math.Min(0.5, step * 1.5);
            }
            else
            {
                step = Math.Max(1e-4, step * 0.9);
            }
        }

        return (point, value);
    }

    private double[] Perturb(double[] point, double step, SeededRandom random) =>
        UnitCube.GaussianStep(point, step, _categorical, reflect: false, random);
}
