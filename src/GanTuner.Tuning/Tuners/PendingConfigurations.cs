namespace GanTuner.Tuning.Tuners;

/// <summary>The configurations running now as a tuner sees them at one Ask: the pending points it was handed
/// plus its own proposals not yet told, each once (compared as decoded configurations, as
/// <see cref="ConfigurationMemory"/> does).</summary>
/// <remarks>A tuner whose proposal is a pure function of what it was told and what is pending proposes the
/// same whether an earlier Ask happened in this process (an own proposal) or in another (a pending point).</remarks>
internal sealed class PendingConfigurations(SearchSpace space)
{
    private readonly Dictionary<string, double[]> _outstanding = new(StringComparer.Ordinal);

    /// <summary>Remembers a proposal until it is told.</summary>
    public void Proposed(double[] point) => _outstanding[space.Decode(point).Key] = point;

    /// <summary>Forgets a proposal once its result is known.</summary>
    public void Told(ReadOnlySpan<double> point) => _outstanding.Remove(space.Decode(point).Key);

    /// <summary>The snapped points running now: <paramref name="pending"/> first (in order), then own
    /// proposals not among them, in the order they were made.</summary>
    public List<double[]> With(IReadOnlyList<double[]> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<double[]>();
        foreach (var point in pending.Select(p => space.Snap(p)).Concat(_outstanding.Values))
        {
            if (keys.Add(space.Decode(point).Key))
            {
                all.Add(point);
            }
        }

        return all;
    }
}
