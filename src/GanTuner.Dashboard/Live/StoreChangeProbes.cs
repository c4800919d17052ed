using GanTuner.Storage;

namespace GanTuner.Dashboard.Live;

/// <summary>The cheapest change probe a store allows.</summary>
internal static class StoreChangeProbes
{
    public static IStoreChangeProbe For(IStudyStore store) => store switch
    {
        SqliteStudyStore sqlite => new SqliteChangeProbe(sqlite.Path),
        PostgresStudyStore postgres => new PostgresChangeProbe(postgres),
        _ => new SnapshotChangeProbe(store),
    };
}
