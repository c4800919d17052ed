using Microsoft.Data.Sqlite;

namespace GanTuner.Storage;

/// <summary>The database layout and its migrations. Version N is reached by running scripts 1..N in order,
/// each in the same transaction as the version bump, so a crash mid-upgrade leaves the old version intact.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE studies (
            study_id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            direction TEXT NOT NULL,
            search_space TEXT NOT NULL,
            tuner TEXT NOT NULL,
            tuner_options TEXT NOT NULL,
            seed INTEGER NOT NULL,
            created_at TEXT NOT NULL);
        CREATE TABLE study_attributes (
            study_id INTEGER NOT NULL REFERENCES studies(study_id),
            position INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (study_id, position),
            UNIQUE (study_id, key));
        CREATE TABLE trials (
            trial_id INTEGER PRIMARY KEY,
            study_id INTEGER NOT NULL REFERENCES studies(study_id),
            number INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed', 'pruned')),
            value REAL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            finished_before INTEGER NOT NULL,
            finish_order INTEGER,
            UNIQUE (study_id, number),
            UNIQUE (study_id, finish_order));
        CREATE TABLE trial_params (
            trial_id INTEGER NOT NULL REFERENCES trials(trial_id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            number REAL,
            text TEXT,
            PRIMARY KEY (trial_id, position),
            UNIQUE (trial_id, name),
            CHECK ((number IS NULL) <> (text IS NULL)));
        CREATE TABLE trial_point (
            trial_id INTEGER NOT NULL REFERENCES trials(trial_id),
            dimension INTEGER NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (trial_id, dimension));
        CREATE TABLE trial_metrics (
            trial_id INTEGER NOT NULL REFERENCES trials(trial_id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            value REAL,
            PRIMARY KEY (trial_id, position),
            UNIQUE (trial_id, name));
        CREATE TABLE trial_attributes (
            trial_id INTEGER NOT NULL REFERENCES trials(trial_id),
            position INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (trial_id, position),
            UNIQUE (trial_id, key));
        """,
        // 2: heartbeats. Trials of version 1 have none, so they never go stale.
        """
        ALTER TABLE trials ADD COLUMN worker TEXT;
        ALTER TABLE trials ADD COLUMN heartbeat_at TEXT;
        ALTER TABLE trials ADD COLUMN stale_after_ms INTEGER CHECK (stale_after_ms > 0);
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; refuses a newer or foreign database.</summary>
    public static void Upgrade(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction();
        var hasVersionTable = Scalar(connection, transaction,
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") > 0;
        var version = 0L;
        if (hasVersionTable)
        {
            version = Scalar(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version");
        }
        else if (Scalar(connection, transaction, "SELECT count(*) FROM sqlite_master") > 0)
        {
            throw new StudyStoreException($"'{path}' is an SQLite database but not a GanTuner study store");
        }
        else
        {
            Execute(connection, transaction, "CREATE TABLE schema_version (version INTEGER NOT NULL)");
        }

        if (version > CurrentVersion)
        {
            throw new StudyStoreException(
                $"'{path}' has schema version {version}, newer than this gantuner understands ({CurrentVersion}); update gantuner");
        }

        for (var next = (int)version + 1; next <= CurrentVersion; next++)
        {
            Execute(connection, transaction, Migrations[next - 1]);
            Execute(connection, transaction, "DELETE FROM schema_version");
            using var bump = connection.CreateCommand();
            bump.Transaction = transaction;
            bump.CommandText = "INSERT INTO schema_version (version) VALUES ($version)";
            bump.Parameters.AddWithValue("$version", next);
            bump.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Refuses, without writing anything, a database that is not at <see cref="CurrentVersion"/>
    /// (what a read-only connection needs, since it cannot migrate).</summary>
    public static void Check(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var hasVersionTable = Scalar(connection, transaction,
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") > 0;
        if (!hasVersionTable)
        {
            throw new StudyStoreException($"'{path}' is an SQLite database but not a GanTuner study store");
        }

        var version = Scalar(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version");
        if (version != CurrentVersion)
        {
            throw new StudyStoreException(version > CurrentVersion
                ? $"'{path}' has schema version {version}, newer than this gantuner understands ({CurrentVersion}); update gantuner"
                : $"'{path}' has schema version {version}; open it once with a command that writes (e.g. gantuner tune) to upgrade it to {CurrentVersion}");
        }
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
