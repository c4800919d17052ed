namespace GanTuner.Tuning.Tuners.Tpe;

/// <summary>How TPE models one coordinate of the cube: continuous, k ordered cells (integers, steps,
/// powers of two, as Optuna's stepped distributions), or k unordered choices (categorical kernels).</summary>
internal readonly record struct TpeDimension(int Index, int? Cells, bool Categorical)
{
    public static TpeDimension[] Of(SearchSpace space) =>
        [.. space.Parameters.Select((p, i) => new TpeDimension(i, p.Cardinality, p is CategoricalParameter))];
}
