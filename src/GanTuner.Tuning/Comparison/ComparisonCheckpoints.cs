namespace GanTuner.Tuning.Comparison;

/// <summary>The evaluation counts a comparison reports the best value after.</summary>
public static class ComparisonCheckpoints
{
    private static readonly int[] Standard = [5, 10, 20, 50];

    /// <summary>5, 10, 20 and 50 as far as the budget reaches, and the budget itself.</summary>
    public static IReadOnlyList<int> For(int budget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        return [.. Standard.Where(n => n < budget).Append(budget)];
    }
}
