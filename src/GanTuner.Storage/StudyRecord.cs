namespace GanTuner.Storage;

/// <summary>A study's definition, fixed when it is created: what is searched, by which tuner, from which seed.</summary>
/// <remarks>The search space and tuner options are kept as JSON so the store knows nothing of tuners.</remarks>
public sealed record StudyRecord
{
    public StudyRecord(
        string name,
        string searchSpaceJson,
        string tunerName,
        string tunerOptionsJson,
        int seed,
        DateTimeOffset createdAt,
        IEnumerable<KeyValuePair<string, string>>? userAttributes = null,
        StudyDirection direction = StudyDirection.Minimize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(searchSpaceJson);
        ArgumentException.ThrowIfNullOrWhiteSpace(tunerName);
        ArgumentNullException.ThrowIfNull(tunerOptionsJson);
        Name = name;
        SearchSpaceJson = searchSpaceJson;
        TunerName = tunerName;
        TunerOptionsJson = tunerOptionsJson;
        Seed = seed;
        CreatedAt = createdAt;
        UserAttributes = ReadOnlyCopies.Of(userAttributes);
        Direction = direction;
    }

    public string Name { get; }

    public StudyDirection Direction { get; }

    public string SearchSpaceJson { get; }

    public string TunerName { get; }

    public string TunerOptionsJson { get; }

    public int Seed { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Free descriptions worth keeping beside the results (data set, protocol, command line…).</summary>
    public IReadOnlyDictionary<string, string> UserAttributes { get; }
}
