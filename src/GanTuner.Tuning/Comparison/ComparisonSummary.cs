namespace GanTuner.Tuning.Comparison;

/// <summary>The statistics of a finished comparison, tuner by tuner.</summary>
/// <param name="Plan">What was compared.</param>
/// <param name="Checkpoints">The evaluation counts reported (<see cref="ComparisonCheckpoints.For"/>).</param>
/// <param name="Reference">The tuner tested against every other one (the GAN), if compared.</param>
/// <param name="Baseline">The tuner win rates are measured against (random search), if compared.</param>
/// <param name="MetricKeys">The best-trial metrics summarised per tuner.</param>
/// <param name="Tuners">One summary per tuner, in the plan's order.</param>
public sealed record ComparisonSummary(
    ComparisonPlan Plan,
    IReadOnlyList<int> Checkpoints,
    string? Reference,
    string? Baseline,
    IReadOnlyList<string> MetricKeys,
    IReadOnlyList<TunerSummary> Tuners)
{
    public const string DefaultReference = "gan";
    public const string DefaultBaseline = "random";

    /// <summary>Summarises <paramref name="result"/>, whose every run must be paired by seed with the others.</summary>
    /// <param name="result">The curves of every tuner.</param>
    /// <param name="metricKeys">Metrics of each run's best trial to summarise (e.g. test_mse); absent ones are skipped.</param>
    /// <param name="reference">The tuner to test against the others.</param>
    /// <param name="baseline">The tuner to count wins against.</param>
    public static ComparisonSummary Of(
        ComparisonResult result,
        IReadOnlyList<string>? metricKeys = null,
        string reference = DefaultReference,
        string baseline = DefaultBaseline)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plan = result.Plan;
        var checkpoints = ComparisonCheckpoints.For(plan.Budget);
        var finals = result.Tuners.Select(t => (IReadOnlyList<double>)[.. t.Runs.Select(r => r.Final)]).ToList();
        var ranks = SeedRanking.MeanRanks(finals);
        var referenceIndex = IndexOf(result, reference);
        var baselineIndex = IndexOf(result, baseline);
        var keys = metricKeys ?? [];
        var tuners = result.Tuners.Select((tuner, t) => new TunerSummary(
            tuner.Tuner,
            tuner.Runs,
            [.. checkpoints.Select(n => new CheckpointSummary(n, tuner.After(n)))],
            ranks[t],
            baselineIndex is { } b && b != t ? SeedRanking.WinRate(finals[t], finals[b]) : null,
            referenceIndex is { } r && r != t ? WilcoxonSignedRank.Test(finals[r], finals[t]) : null,
            Metrics(tuner, keys))).ToList();
        return new ComparisonSummary(
            plan, checkpoints, referenceIndex is null ? null : reference, baselineIndex is null ? null : baseline, keys, tuners);
    }

    private static int? IndexOf(ComparisonResult result, string tuner)
    {
        var index = result.Tuners.Select(t => t.Tuner).ToList().IndexOf(tuner);
        return index < 0 ? null : index;
    }

    private static Dictionary<string, QuantileSummary> Metrics(TunerCurves tuner, IReadOnlyList<string> keys)
    {
        var metrics = new Dictionary<string, QuantileSummary>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var values = tuner.Runs.Where(r => r.BestMetrics.ContainsKey(key)).Select(r => r.BestMetrics[key]).ToList();
            if (values.Count > 0)
            {
                metrics[key] = QuantileSummary.Of(values);
            }
        }

        return metrics;
    }
}
