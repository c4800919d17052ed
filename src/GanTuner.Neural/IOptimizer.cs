namespace GanTuner.Neural;

/// <summary>Updates parameters in place from their accumulated gradients.</summary>
public interface IOptimizer
{
    /// <summary>
    /// One update of every parameter in <paramref name="parameters"/>. Pass the same list, in the same
    /// order, at every update: state (moments, accumulators) is kept per position in the list.
    /// </summary>
    void Update(IReadOnlyList<Parameter> parameters);
}
