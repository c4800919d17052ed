using GanTuner.Storage;

namespace GanTuner.Cli;

/// <summary>What <c>--storage</c> names: an SQLite file (a path or <c>sqlite:///path</c>) or a PostgreSQL
/// database (<c>postgresql://user@host:port/db</c>), shared by workers on many machines.</summary>
/// <remarks>Stand-in until the studies layer's <c>StudyStores.Open</c> takes over this job.</remarks>
internal static class StoreLocation
{
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgresql://", StringComparison.Ordinal) || location.StartsWith("postgres://", StringComparison.Ordinal);

    /// <summary>Whether a store may already be there (a database server is asked when opened, not here).</summary>
    public static bool MayExist(string location) => IsPostgres(location) || File.Exists(FilePath(location));

    /// <summary>Opens the store; both kinds are disposable (dispose through <c>as IDisposable</c>).</summary>
    public static IStudyStore Open(string location, bool createIfMissing = true) =>
        IsPostgres(location) ? new PostgresStudyStore(location) : new SqliteStudyStore(FilePath(location), createIfMissing);

    private static string FilePath(string location) =>
        location.StartsWith("sqlite://", StringComparison.Ordinal) ? location["sqlite://".Length..] : location;
}
