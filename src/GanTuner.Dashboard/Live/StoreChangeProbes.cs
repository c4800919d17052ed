using GanTuner.Storage;

namespace GanTuner.Dashboard.Live;

/// <summary>The cheapest change probe a store allows.</summary>
internal static class StoreChangeProbes
{
    public static IStoreChangeProbe For(IStudyStore store) =>
        store is SqliteStudyStore sqlite ? new SqliteChangeProbe(sqlite.Path) : new SnapshotChangeProbe(store);
}
