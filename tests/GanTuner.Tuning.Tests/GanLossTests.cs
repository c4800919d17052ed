using GanTuner.Neural;
using GanTuner.Tuning.Gan;

namespace GanTuner.Tuning.Tests;

/// <summary>The generator's feedback and diversity terms push the way the design says.</summary>
public sealed class GanLossTests
{
    [Fact]
    public void Diversity_penalises_a_collapsed_batch_and_pushes_its_points_apart()
    {
        var noise = new List<double[]> { new[] { -1.0 }, new[] { 1.0 } };
        var collapsed = new Matrix(2, 1, [0.5, 0.5001]);
        var spread = new Matrix(2, 1, [0.2, 0.8]);

        var (collapsedLoss, gradient) = GeneratorLosses.Diversity(collapsed, noise, 1, [0.1], 1.0);
        var (spreadLoss, _) = GeneratorLosses.Diversity(spread, noise, 1, [0.1], 1.0);

        Assert.True(collapsedLoss > 0.9);
        Assert.Equal(0.0, spreadLoss);
        // Gradient descent moves the lower point down and the upper one up.
        Assert.True(gradient[0, 0] > 0 && gradient[1, 0] < 0);
    }

    [Fact]
    public void Feedback_pulls_towards_good_configurations_and_pushes_away_from_bad_ones()
    {
        var outputs = new Matrix(2, 2, [0.5, 0.5, 0.5, 0.5]);
        double[][] targets = [[0.6, 0.5], [0.55, 0.5]];

        var (_, gradient) = GeneratorLosses.Feedback(outputs, targets, [1.0, -1.0], 0.1, 1.0);

        Assert.True(gradient[0, 0] < 0, "descent moves row 0 up, towards the good 0.6");
        Assert.True(gradient[1, 0] > 0, "descent moves row 1 down, away from the bad 0.55");
        Assert.Equal(0.0, gradient[0, 1]);
    }

    [Fact]
    public void Advantages_reward_the_best_ranks_and_penalise_the_rest_by_rank()
    {
        var advantages = GeneratorLosses.Advantages([3.0, 1.0, 5.0, 2.0, 4.0], top: 2, repel: 1.0);

        Assert.Equal([-0.5, 1.0, -1.0, 0.5, -0.75], advantages);
    }
}
