using GanTuner.Storage;

namespace GanTuner.Dashboard.Live;

/// <summary>PostgreSQL's completed-transaction horizon (<see cref="PostgresStudyStore.ChangeToken"/>): one
/// query that reads no trial, instead of fingerprinting every study as <see cref="SnapshotChangeProbe"/> does.</summary>
internal sealed class PostgresChangeProbe(PostgresStudyStore store) : IStoreChangeProbe
{
    public string Token() => store.ChangeToken();

    public void Dispose()
    {
    }
}
