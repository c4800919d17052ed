namespace GanTuner.Storage;

/// <summary>Opens a store by location for reading only (the dashboard, exports): a file path or
/// <c>sqlite:///path</c>. Nothing is created, migrated or written.</summary>
/// <remarks>Until the study layer's <c>StudyStores.Open</c> offers a read-only mode, this is where readers open stores.</remarks>
public static class ReadOnlyStudyStores
{
    private const string SqliteScheme = "sqlite:///";

    public static IStudyStore Open(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (location.StartsWith(SqliteScheme, StringComparison.OrdinalIgnoreCase))
        {
            // sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy (and so Optuna) spell them.
            return SqliteStudyStore.OpenReadOnly(location[SqliteScheme.Length..]);
        }

        if (location.Contains("://", StringComparison.Ordinal))
        {
            throw new StudyStoreException(
                $"storage '{location}' is not supported for reading yet; give an SQLite file path or sqlite:///path");
        }

        return SqliteStudyStore.OpenReadOnly(location);
    }
}
