namespace GanTuner.Storage;

/// <summary>
/// Opens a study store from its location, the one way every front end opens one: a plain file path or
/// <c>sqlite:///abs/path</c> (<c>sqlite://rel/path</c> for a relative one) opens a <see cref="SqliteStudyStore"/>;
/// <c>postgresql://…</c> names a PostgreSQL server.
/// </summary>
public static class StudyStores
{
    public const string SqliteScheme = "sqlite://";
    public const string PostgresScheme = "postgresql://";

    /// <summary>Opens the store at <paramref name="location"/>; the caller disposes it.</summary>
    /// <param name="location">A file path, <c>sqlite://PATH</c> or <c>postgresql://…</c>.</param>
    /// <param name="createIfMissing">Whether a missing SQLite file is created (else it is an error).</param>
    /// <exception cref="StudyStoreException">The store cannot be opened, or its kind is not available.</exception>
    public static IStudyStore Open(string location, bool createIfMissing = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return Kind(location) switch
        {
            StoreKind.Postgres => new PostgresStudyStore(location),
            _ => new SqliteStudyStore(SqlitePath(location)!, createIfMissing),
        };
    }

    /// <summary>Opens an existing store for reading only (the dashboard, exports): nothing is created, migrated
    /// or written, and in WAL mode its short read transactions never block a study's writer.</summary>
    /// <exception cref="StudyStoreException">The store does not exist or cannot be read, or its kind is not available.</exception>
    public static IStudyStore OpenReadOnly(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return Kind(location) switch
        {
            // PostgreSQL has no read-only connection mode to ask for; its readers never block writers (MVCC).
            StoreKind.Postgres => new PostgresStudyStore(location),
            _ => SqliteStudyStore.OpenReadOnly(SqlitePath(location)!),
        };
    }

    /// <summary>The file of a SQLite location (a plain path, or the path after <c>sqlite://</c>), or null when the
    /// location names another kind of store.</summary>
    public static string? SqlitePath(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Kind(location) switch
        {
            StoreKind.Sqlite when location.StartsWith(SqliteScheme, StringComparison.OrdinalIgnoreCase) => location[SqliteScheme.Length..],
            StoreKind.Sqlite => location,
            _ => null,
        };
    }

    private static StoreKind Kind(string location) =>
        location.StartsWith(PostgresScheme, StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            ? StoreKind.Postgres
            : StoreKind.Sqlite;

    private enum StoreKind
    {
        Sqlite,
        Postgres,
    }
}
