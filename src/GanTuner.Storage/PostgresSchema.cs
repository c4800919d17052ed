using Npgsql;

namespace GanTuner.Storage;

/// <summary>The PostgreSQL layout and its migrations, versioned like <see cref="SqliteSchema"/>: version N is
/// reached by running scripts 1..N, each in the transaction that bumps the version, under an advisory lock
/// so that workers opening a new database at the same moment upgrade it once.</summary>
internal static class PostgresSchema
{
    // Any constant will do: it only has to be the same for every gantuner that opens this database.
    private const long UpgradeLock = 0x47616E54756E6572;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE studies (
            study_id bigserial PRIMARY KEY,
            name text NOT NULL UNIQUE,
            direction text NOT NULL,
            search_space text NOT NULL,
            tuner text NOT NULL,
            tuner_options text NOT NULL,
            seed integer NOT NULL,
            created_at timestamptz NOT NULL);
        CREATE TABLE study_attributes (
            study_id bigint NOT NULL REFERENCES studies(study_id),
            position integer NOT NULL,
            key text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (study_id, position),
            UNIQUE (study_id, key));
        CREATE TABLE trials (
            trial_id bigserial PRIMARY KEY,
            study_id bigint NOT NULL REFERENCES studies(study_id),
            number integer NOT NULL,
            state text NOT NULL CHECK (state IN ('running', 'complete', 'failed', 'pruned')),
            value double precision,
            started_at timestamptz NOT NULL,
            finished_at timestamptz,
            finished_before integer NOT NULL,
            finish_order integer,
            worker text,
            heartbeat_at timestamptz NOT NULL,
            stale_after_ms bigint CHECK (stale_after_ms > 0),
            UNIQUE (study_id, number),
            UNIQUE (study_id, finish_order));
        CREATE TABLE trial_params (
            trial_id bigint NOT NULL REFERENCES trials(trial_id),
            position integer NOT NULL,
            name text NOT NULL,
            number double precision,
            text text,
            PRIMARY KEY (trial_id, position),
            UNIQUE (trial_id, name),
            CHECK ((number IS NULL) <> (text IS NULL)));
        CREATE TABLE trial_point (
            trial_id bigint NOT NULL REFERENCES trials(trial_id),
            dimension integer NOT NULL,
            value double precision NOT NULL,
            PRIMARY KEY (trial_id, dimension));
        CREATE TABLE trial_metrics (
            trial_id bigint NOT NULL REFERENCES trials(trial_id),
            position integer NOT NULL,
            name text NOT NULL,
            value double precision,
            PRIMARY KEY (trial_id, position),
            UNIQUE (trial_id, name));
        CREATE TABLE trial_attributes (
            trial_id bigint NOT NULL REFERENCES trials(trial_id),
            position integer NOT NULL,
            key text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (trial_id, position),
            UNIQUE (trial_id, key));
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Brings the schema to <see cref="CurrentVersion"/>; refuses a newer or foreign one.</summary>
    public static void Upgrade(NpgsqlConnection connection, string schema, string where)
    {
        using var transaction = connection.BeginTransaction();
        Execute(transaction, $"SELECT pg_advisory_xact_lock({UpgradeLock})");
        Execute(transaction, $"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}");
        var hasVersionTable = Scalar(transaction,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name = 'schema_version'",
            schema) > 0;
        var version = 0L;
        if (hasVersionTable)
        {
            version = Scalar(transaction, $"SELECT coalesce(max(version), 0) FROM {Quote(schema)}.schema_version", schema);
        }
        else if (Scalar(transaction, "SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema", schema) > 0)
        {
            throw new StudyStoreException($"{where} holds tables but is not a GanTuner study store");
        }
        else
        {
            Execute(transaction, $"CREATE TABLE {Quote(schema)}.schema_version (version integer NOT NULL)");
        }

        if (version > CurrentVersion)
        {
            throw new StudyStoreException(
                $"{where} has schema version {version}, newer than this gantuner understands ({CurrentVersion}); update gantuner");
        }

        Execute(transaction, $"SET LOCAL search_path TO {Quote(schema)}");
        for (var next = (int)version + 1; next <= CurrentVersion; next++)
        {
            Execute(transaction, Migrations[next - 1]);
            Execute(transaction, "DELETE FROM schema_version");
            Execute(transaction, $"INSERT INTO schema_version (version) VALUES ({next})");
        }

        transaction.Commit();
    }

    /// <summary>An identifier quoted for SQL (schema names come from the user).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static long Scalar(NpgsqlTransaction transaction, string sql, string schema)
    {
        using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.AddWithValue("schema", schema);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.ExecuteNonQuery();
    }
}
