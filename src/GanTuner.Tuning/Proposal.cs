namespace GanTuner.Tuning;

/// <summary>A point of the unit cube proposed by a tuner, and what the tuner wants recorded about it
/// (for example whether the GAN's random injection was active).</summary>
public sealed record Proposal(double[] Point, IReadOnlyDictionary<string, string> Attributes)
{
    public Proposal(double[] point)
        : this(point, new Dictionary<string, string>())
    {
    }
}
