using GanTuner.Tuning.Comparison;

namespace GanTuner.Tuning.Tests.Comparison;

public sealed class SeedRankingTests
{
    [Fact]
    public void Ranks_are_taken_per_seed_with_ties_sharing_their_mean_rank_then_averaged()
    {
        IReadOnlyList<IReadOnlyList<double>> finals =
        [
            [1.0, 5.0], // seed 0: rank 1; seed 1: shares ranks 2 and 3
            [2.0, 5.0], // seed 0: rank 2; seed 1: 2.5
            [3.0, 0.5], // seed 0: rank 3; seed 1: rank 1
        ];

        var ranks = SeedRanking.MeanRanks(finals);

        Assert.Equal([1.75, 2.25, 2.0], ranks);
        Assert.Equal(2.0, ranks.Average(), 12);
    }

    [Fact]
    public void A_run_that_found_nothing_ranks_last()
    {
        var ranks = SeedRanking.MeanRanks([[double.PositiveInfinity], [7.0]]);

        Assert.Equal([2.0, 1.0], ranks);
    }

    [Fact]
    public void Win_rate_counts_seeds_below_the_baseline_and_a_tie_as_half()
    {
        var rate = SeedRanking.WinRate([1, 2, 3, 4], [2, 2, 1, 5]);

        Assert.Equal((1 + 0.5 + 0 + 1) / 4, rate);
    }

    [Fact]
    public void Runs_must_be_paired_by_seed()
    {
        Assert.Throws<ArgumentException>(() => SeedRanking.WinRate([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => SeedRanking.MeanRanks([[1, 2], [1]]));
    }
}
