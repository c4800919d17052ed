using GanTuner.Neural;

namespace GanTuner.Tuning.Gan.Contrastive;

/// <summary>The discriminators of one Ask, trained afresh on its <see cref="ContrastiveTrainingSet"/>: they score
/// the candidates and steer the generator.</summary>
internal sealed class DiscriminatorEnsemble
{
    private readonly ContrastiveDiscriminator[] _members;
    private readonly ContrastiveGanSettings _settings;
    private readonly ParzenMargin? _margin;

    private DiscriminatorEnsemble(ContrastiveDiscriminator[] members, ContrastiveGanSettings settings, ParzenMargin? margin)
    {
        _members = members;
        _settings = settings;
        _margin = margin;
    }

    public static DiscriminatorEnsemble Train(int dimensions, ContrastiveTrainingSet set, ContrastiveGanSettings settings, SeededRandom random)
    {
        var centred = ContrastiveDiscriminator.Centre(set.Rows);
        // Centred coordinates are 2x − 1, so a width in the cube is twice as wide here.
        var width = EliteCandidates.ScottWidth(2 * settings.Jitter, Math.Max(1, set.Observed), dimensions);
        var noisy = settings.Jitter > 0 ? centred.Clone() : centred;
        var margin = settings.Margin > 0 ? new ParzenMargin(centred, set.Real, set.Weights, settings.Margin) : null;
        Func<Matrix, double[]>? training = margin is null ? null : settings.MarginLeaveOneOut ? margin.LeaveOneOutMargins : rows => margin.Margins(rows);
        var fixedMargins = settings.Jitter > 0 ? null : training?.Invoke(centred);
        var members = new ContrastiveDiscriminator[settings.EnsembleSize];
        for (var e = 0; e < members.Length; e++)
        {
            members[e] = new ContrastiveDiscriminator(dimensions, settings.DiscriminatorHidden, settings.DiscriminatorLayers,
                settings.DiscriminatorLearningRate, random.Derive((ulong)e));
            var jitter = random.Derive("jitter").Derive((ulong)e);
            for (var step = 0; step < settings.DiscriminatorSteps; step++)
            {
                if (settings.Jitter > 0)
                {
                    for (var k = 0; k < noisy.Data.Length; k++)
                    {
                        noisy.Data[k] = centred.Data[k] + (width * jitter.NextGaussian());
                    }
                }

                // Jittered rows move, so their margins are taken where they are now.
                members[e].Train(noisy, set.Real, set.Weights, fixedMargins ?? training?.Invoke(noisy));
            }
        }

        return new DiscriminatorEnsemble(members, settings, margin);
    }

    /// <summary>Adds the gradient of the members' mean −log D over the (centred) rows to <paramref name="gradient"/>.</summary>
    public void AddRealnessGradient(Matrix centred, Matrix gradient)
    {
        (double[] Values, Matrix Gradient)? margins = null;
        if (_margin is not null)
        {
            var marginGradient = new Matrix(centred.Rows, centred.Columns);
            margins = (_margin.Margins(centred, marginGradient), marginGradient);
        }

        foreach (var member in _members)
        {
            member.AddRealnessGradient(centred, gradient, 1.0 / _members.Length, margins);
        }
    }

    /// <summary>Each candidate's score: the members' mean logit, plus the bonus times their spread, plus the
    /// novelty weight times the log distance to the nearest of <paramref name="evaluated"/> (capped).</summary>
    public double[] Score(IReadOnlyList<double[]> candidates, IReadOnlyList<double[]> evaluated)
    {
        var centred = ContrastiveDiscriminator.Centre(candidates);
        var logits = _members.Select(d => d.Logits(centred)).ToArray();
        var margins = _margin?.Margins(centred);
        var scores = new double[candidates.Count];
        for (var c = 0; c < scores.Length; c++)
        {
            var mean = logits.Average(l => l[c]);
            var spread = logits.Length > 1 ? Math.Sqrt(logits.Sum(l => (l[c] - mean) * (l[c] - mean)) / (logits.Length - 1)) : 0.0;
            // The margin is shared by every member: it moves the logit, not the members' disagreement.
            scores[c] = (margins is null ? mean : mean + margins[c]) + (_settings.Bonus * spread)
                + (_settings.Novelty * Math.Log(Math.Min(NearestDistance(candidates[c], evaluated), _settings.NoveltyCap) + 1e-6));
        }

        return scores;
    }

    /// <summary>Distance to the nearest evaluated configuration, per √dimension.</summary>
    private static double NearestDistance(double[] x, IReadOnlyList<double[]> evaluated)
    {
        var nearest = double.PositiveInfinity;
        foreach (var point in evaluated)
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
}
