namespace GanTuner.Tuning.Tuners;

/// <summary>Grid search settings. <c>grid.points</c> (default 3): levels per continuous parameter, and
/// the most levels taken of a discrete one (one with fewer values uses all of them).</summary>
public sealed record GridSettings(int Points)
{
    public static GridSettings From(TunerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RequireKnown("grid", "grid.points");
        return new GridSettings(options.GetInt32("grid.points", 3, min: 1, max: 1000));
    }
}
