namespace GanTuner.Reporting.Model;

/// <summary>Everything the report shows, already read from the store and the data: the renderers draw this
/// and nothing else, so they can be tested without a store, a data file or a trained model.</summary>
/// <remarks>Optional parts are null or empty when the study cannot supply them; the figures that need them
/// are then omitted with a visible note instead of failing the report.</remarks>
public sealed record ReportModel(StudySummary Study, IReadOnlyList<IterationRow> Iterations, IReadOnlyList<ParameterAxis> Parameters)
{
    public PriceHistory? Prices { get; init; }

    public TestForecast? Forecast { get; init; }

    /// <summary>The GAN generator's pathways; empty for every other tuner.</summary>
    public IReadOnlyList<GeneratorPathway> Generator { get; init; } = [];

    /// <summary>Other studies to draw beside this one's best-so-far curve (<c>--compare</c>).</summary>
    public IReadOnlyList<ComparisonCurve> Comparison { get; init; } = [];

    /// <summary>Why parts of the report are missing or need care, shown near the top of the page.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The completed trial with the best objective (the earliest on ties), or null if none completed.</summary>
    public IterationRow? Best
    {
        get
        {
            IterationRow? best = null;
            foreach (var row in Iterations)
            {
                if (row.Value is not { } value || !double.IsFinite(value))
                {
                    continue;
                }

                if (best is null || value < best.Value!.Value)
                {
                    best = row;
                }
            }

            return best;
        }
    }

    /// <summary>The best objective seen up to and including each trial (null until one completes).</summary>
    public double?[] BestSoFar() => Objective.BestSoFar([.. Iterations.Select(r => r.Value)]);
}
