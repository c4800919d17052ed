using GanTuner.Tuning;
using GanTuner.Tuning.Tuners.Tpe;

namespace GanTuner.Tuning.Tests;

public sealed class ParzenEstimatorTests
{
    // Optuna 3.1.0's _ParzenEstimator on FloatDistribution(0, 1) with these 29 observations, default
    // parameters, log_pdf at 0, 0.1, 0.25, 0.5, 0.77, 1 (printed by a short script with Debian's python3-optuna).
    // No two observations tie, nor does one sit at the prior's 0.5: numpy's argsort orders ties unstably.
    private static readonly double[] Observations =
    [
        0.1, 0.15, 0.7, 0.33, 0.9, 0.05, 0.505, 0.52, 0.11, 0.95, 0.2, 0.4, 0.41, 0.42, 0.6, 0.61, 0.62, 0.63,
        0.64, 0.65, 0.66, 0.67, 0.68, 0.69, 0.705, 0.71, 0.72, 0.73, 0.8,
    ];

    private static readonly double[] At = [0.0, 0.1, 0.25, 0.5, 0.77, 1.0];

    [Fact]
    public void Univariate_densities_match_Optuna_3_1()
    {
        var estimator = Estimator(multivariate: false, new TpeDimension(0, null, false));

        Assert.Equal([-3.022885, -2.574798, -2.724665, -2.376174, -2.508478, -2.896348], At.Select(x => estimator.LogPdf([x])), Within6);
    }

    [Fact]
    public void Multivariate_densities_match_Optuna_3_1()
    {
        var estimator = Estimator(multivariate: true, new TpeDimension(0, null, false));

        Assert.Equal([-2.737267, -2.464791, -2.452421, -1.836731, -1.669572, -2.724864], At.Select(x => estimator.LogPdf([x])), Within6);
    }

    [Fact]
    public void Integer_masses_match_Optuna_3_1()
    {
        // IntDistribution(1, 5) with observations 1, 1, 3: five cells of the interval.
        var estimator = new ParzenEstimator([[0.1], [0.1], [0.5]], [new TpeDimension(0, 5, false)], Settings(false), 1);

        Assert.Equal([-1.174525, -1.316032, -1.671002, -1.991694, -2.319585],
            Enumerable.Range(0, 5).Select(j => estimator.LogPdf([(j + 0.5) / 5])), Within6);
    }

    [Fact]
    public void Categorical_masses_sum_to_one_and_favour_observed_choices()
    {
        var estimator = new ParzenEstimator([[0.5 / 3], [0.5 / 3], [2.5 / 3]], [new TpeDimension(0, 3, true)], Settings(false), 1);

        var masses = Enumerable.Range(0, 3).Select(j => Math.Exp(estimator.LogPdf([(j + 0.5) / 3]))).ToArray();

        Assert.Equal(1.0, masses.Sum(), 12);
        Assert.True(masses[0] > masses[2] && masses[2] > masses[1]);
    }

    [Fact]
    public void Samples_stay_in_the_cube_and_land_on_cell_centres_for_discrete_dimensions()
    {
        TpeDimension[] dimensions = [new(0, null, false), new(1, 4, false), new(2, 3, true)];
        var estimator = new ParzenEstimator([[0.0, 0.125, 0.5], [1.0, 0.875, 0.5]], dimensions, Settings(true), 3);
        var random = new GanTuner.Neural.SeededRandom(1);

        for (var i = 0; i < 500; i++)
        {
            var sample = estimator.Sample(random);
            Assert.InRange(sample[0], 0.0, 1.0);
            Assert.Contains(sample[1], new[] { 0.125, 0.375, 0.625, 0.875 });
            Assert.Contains(sample[2], new[] { 0.5 / 3, 1.5 / 3, 2.5 / 3 });
        }
    }

    private static ParzenEstimator Estimator(bool multivariate, TpeDimension dimension) =>
        new([.. Observations.Select(x => new[] { x })], [dimension], Settings(multivariate), 1);

    private static TpeSettings Settings(bool multivariate) => TpeSettings.From(TunerOptions.Empty, multivariate);

    private static readonly IEqualityComparer<double> Within6 = EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) < 5e-6, _ => 0);
}
