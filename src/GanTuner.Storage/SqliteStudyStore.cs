using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GanTuner.Storage;

/// <summary>A store in one SQLite file (see <see cref="IStudyStore"/> for the contract it keeps).</summary>
/// <remarks>
/// Every call opens a pooled connection of its own, so the store is thread-safe without locks of its own;
/// SQLite serialises writers. Writes run in <c>BEGIN IMMEDIATE</c> transactions (the write lock is taken
/// up front, so two writers never deadlock upgrading a read lock), the journal is WAL (readers never wait
/// for writers), and a busy timeout makes a writer wait for another thread or process instead of failing.
/// <c>synchronous=NORMAL</c>: a killed process loses nothing committed; a power cut may lose the last commits.
/// </remarks>
public sealed class SqliteStudyStore : IStudyStore, IDisposable
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);
    private readonly string _connectionString;

    /// <summary>Opens (and with <paramref name="createIfMissing"/>, creates) the store in <paramref name="path"/>.</summary>
    public SqliteStudyStore(string path, bool createIfMissing = true)
        : this(path, createIfMissing, readOnly: false)
    {
    }

    private SqliteStudyStore(string path, bool createIfMissing, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        IsReadOnly = readOnly;
        if ((readOnly || !createIfMissing) && !File.Exists(Path))
        {
            throw new StudyStoreException($"storage file '{path}' does not exist");
        }

        var directory = System.IO.Path.GetDirectoryName(Path);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StudyStoreException($"cannot create storage file '{path}': folder '{directory}' does not exist");
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();

        if (readOnly)
        {
            Guard(() =>
            {
                using var connection = Open();
                SqliteSchema.Check(connection, path);
            });
            return;
        }

        Guard(() =>
        {
            using var connection = Open();
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL";
                wal.ExecuteNonQuery();
            }

            SqliteSchema.Upgrade(connection, path);
        });
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>Opened by <see cref="OpenReadOnly"/>: every write throws <see cref="StudyStoreException"/>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>Opens an existing store for reading only (a dashboard beside a running study): its connections
    /// are opened read-only, so they can never take the write lock, migrate the schema or change the journal
    /// mode; in WAL mode their short read transactions never block the study's writer.</summary>
    public static SqliteStudyStore OpenReadOnly(string path) => new(path, createIfMissing: false, readOnly: true);

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => SqliteSchema.CurrentVersion;

    public bool TryCreateStudy(StudyRecord study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Write(transaction =>
        {
            if (FindStudyId(transaction, study.Name) is not null)
            {
                return false;
            }

            var studyId = (long)Scalar(transaction,
                """
                INSERT INTO studies (name, direction, search_space, tuner, tuner_options, seed, created_at)
                VALUES ($name, $direction, $space, $tuner, $options, $seed, $created) RETURNING study_id
                """,
                ("$name", study.Name), ("$direction", study.Direction.ToString()), ("$space", study.SearchSpaceJson),
                ("$tuner", study.TunerName), ("$options", study.TunerOptionsJson), ("$seed", study.Seed),
                ("$created", FormatTime(study.CreatedAt)))!;
            var position = 0;
            foreach (var (key, value) in study.UserAttributes)
            {
                Execute(transaction,
                    "INSERT INTO study_attributes (study_id, position, key, value) VALUES ($study, $position, $key, $value)",
                    ("$study", studyId), ("$position", position++), ("$key", key), ("$value", value));
            }

            return true;
        });
    }

    public StudyRecord? FindStudy(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Read(transaction => ReadStudies(transaction, name).SingleOrDefault());
    }

    public IReadOnlyList<StudyRecord> ListStudies() => Read(transaction => ReadStudies(transaction, null));

    public IReadOnlyList<TrialRecord> GetTrials(string studyName)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        return Read(transaction => ReadTrials(transaction, RequireStudyId(transaction, studyName)));
    }

    public TrialRecord? TryCreateTrial(string studyName, TrialDraft draft, StudyProgress expected)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        ArgumentNullException.ThrowIfNull(draft);
        return Write(transaction =>
        {
            var studyId = RequireStudyId(transaction, studyName);
            var actual = ReadProgress(transaction, studyId);
            if (actual != expected)
            {
                return null;
            }

            var trialId = (long)Scalar(transaction,
                """
                INSERT INTO trials (study_id, number, state, started_at, finished_before, worker, heartbeat_at, stale_after_ms)
                VALUES ($study, $number, 'running', $started, $before, $worker, $started, $grace) RETURNING trial_id
                """,
                ("$study", studyId), ("$number", actual.Trials), ("$started", FormatTime(draft.StartedAt)),
                ("$before", actual.Finished), ("$worker", draft.Worker),
                ("$grace", draft.StaleAfter is { } grace ? (long)Math.Ceiling(grace.TotalMilliseconds) : null))!;
            var position = 0;
            foreach (var (name, value) in draft.Parameters)
            {
                Execute(transaction,
                    "INSERT INTO trial_params (trial_id, position, name, number, text) VALUES ($trial, $position, $name, $number, $text)",
                    ("$trial", trialId), ("$position", position++), ("$name", name), ("$number", value.Number), ("$text", value.Text));
            }

            for (var dimension = 0; dimension < draft.Point.Count; dimension++)
            {
                Execute(transaction,
                    "INSERT INTO trial_point (trial_id, dimension, value) VALUES ($trial, $dimension, $value)",
                    ("$trial", trialId), ("$dimension", dimension), ("$value", draft.Point[dimension]));
            }

            UpsertAttributes(transaction, trialId, draft.Attributes);
            return new TrialRecord(actual.Trials, TrialState.Running, draft, actual.Finished);
        });
    }

    public TrialRecord FinishTrial(string studyName, int trialNumber, TrialCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        ArgumentNullException.ThrowIfNull(completion);
        return Write(transaction =>
        {
            var studyId = RequireStudyId(transaction, studyName);
            var row = ReadTrials(transaction, studyId, trialNumber).SingleOrDefault()
                ?? throw new StudyStoreException($"study '{studyName}' has no trial {trialNumber}");
            if (row.State != TrialState.Running)
            {
                throw new StudyStoreException(
                    $"trial {trialNumber} of study '{studyName}' is already {StateName(row.State)}");
            }

            return Finish(transaction, studyId, row, completion);
        });
    }

    public bool Heartbeat(string studyName, int trialNumber, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        return WriteRunning(studyName, trialNumber, (transaction, studyId) =>
            Execute(transaction,
                "UPDATE trials SET heartbeat_at = $at WHERE study_id = $study AND number = $number",
                ("$at", FormatTime(at)), ("$study", studyId), ("$number", trialNumber)));
    }

    public bool SetRunningAttributes(string studyName, int trialNumber, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        ArgumentNullException.ThrowIfNull(attributes);
        return WriteRunning(studyName, trialNumber, (transaction, studyId) =>
        {
            var trialId = (long)Scalar(transaction, "SELECT trial_id FROM trials WHERE study_id = $study AND number = $number",
                ("$study", studyId), ("$number", trialNumber))!;
            UpsertAttributes(transaction, trialId, attributes);
        });
    }

    /// <summary>Runs <paramref name="update"/> in a write transaction if the trial is Running; false (nothing
    /// written) if it is not. Throws for an unknown study or trial.</summary>
    private bool WriteRunning(string studyName, int trialNumber, Action<SqliteTransaction, long> update) => Write(transaction =>
    {
        var studyId = RequireStudyId(transaction, studyName);
        var row = ReadTrials(transaction, studyId, trialNumber).SingleOrDefault()
            ?? throw new StudyStoreException($"study '{studyName}' has no trial {trialNumber}");
        if (row.State != TrialState.Running)
        {
            return false;
        }

        update(transaction, studyId);
        return true;
    });

    public TrialRecord? TryFinishStale(string studyName, int trialNumber, TrialCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        ArgumentNullException.ThrowIfNull(completion);
        return Write(transaction =>
        {
            var studyId = RequireStudyId(transaction, studyName);
            var row = ReadTrials(transaction, studyId, trialNumber).SingleOrDefault()
                ?? throw new StudyStoreException($"study '{studyName}' has no trial {trialNumber}");
            return row.IsStaleAt(completion.FinishedAt) ? Finish(transaction, studyId, row, completion) : null;
        });
    }

    /// <summary>Closes the pooled connections to the file.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = FormattableString.Invariant(
            $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL");
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private T Write<T>(Func<SqliteTransaction, T> work) => Guard(() =>
    {
        if (IsReadOnly)
        {
            throw new StudyStoreException($"storage file '{Path}' is opened read-only");
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(transaction);
        transaction.Commit();
        return result;
    });

    private T Read<T>(Func<SqliteTransaction, T> work) => Guard(() =>
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        return work(transaction);
    });

    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            throw new StudyStoreException($"'{Path}' is not a GanTuner study store ({e.Message.TrimEnd('.')})", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 14 /* SQLITE_CANTOPEN */ or 8 /* SQLITE_READONLY */)
        {
            throw new StudyStoreException($"cannot write storage file '{Path}' ({e.Message.TrimEnd('.')})", e);
        }
    }

    private void Guard(Action work) => Guard(() =>
    {
        work();
        return 0;
    });

    private static TrialRecord Finish(SqliteTransaction transaction, long studyId, TrialRecord row, TrialCompletion completion)
    {
        var finishOrder = ReadProgress(transaction, studyId).Finished + 1;
        var trialId = (long)Scalar(transaction,
            "SELECT trial_id FROM trials WHERE study_id = $study AND number = $number",
            ("$study", studyId), ("$number", row.Number))!;
        Execute(transaction,
            """
            UPDATE trials SET state = $state, value = $value, finished_at = $finished, finish_order = $order
            WHERE trial_id = $trial
            """,
            ("$state", StateName(completion.State)), ("$value", completion.Value),
            ("$finished", FormatTime(completion.FinishedAt)), ("$order", finishOrder), ("$trial", trialId));
        var position = 0;
        foreach (var (name, value) in completion.Metrics)
        {
            Execute(transaction,
                "INSERT INTO trial_metrics (trial_id, position, name, value) VALUES ($trial, $position, $name, $value)",
                ("$trial", trialId), ("$position", position++), ("$name", name),
                ("$value", double.IsNaN(value) ? null : value));
        }

        UpsertAttributes(transaction, trialId, completion.Attributes);
        return row.Finish(completion, finishOrder);
    }

    private static long? FindStudyId(SqliteTransaction transaction, string name) =>
        Scalar(transaction, "SELECT study_id FROM studies WHERE name = $name", ("$name", name)) as long?;

    private static long RequireStudyId(SqliteTransaction transaction, string name) =>
        FindStudyId(transaction, name) ?? throw new StudyStoreException($"no study named '{name}'");

    private static StudyProgress ReadProgress(SqliteTransaction transaction, long studyId)
    {
        using var command = Command(transaction,
            "SELECT count(*), count(finish_order) FROM trials WHERE study_id = $study", ("$study", studyId));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StudyProgress(reader.GetInt32(0), reader.GetInt32(1));
    }

    private static List<StudyRecord> ReadStudies(SqliteTransaction transaction, string? name) =>
        StoreRows.ReadStudies(
            sql => Command(transaction, sql, ("$name", name)),
            "$name IS NULL OR s.name = $name",
            "BINARY",
            (reader, column) => ParseTime(reader.GetString(column)));

    private static List<TrialRecord> ReadTrials(SqliteTransaction transaction, long studyId, int? onlyNumber = null) =>
        StoreRows.ReadTrials(
            sql => Command(transaction, sql, ("$study", studyId), ("$number", onlyNumber)),
            "t.study_id = $study AND ($number IS NULL OR t.number = $number)",
            (reader, column) => ParseTime(reader.GetString(column)));

    private static void UpsertAttributes(
        SqliteTransaction transaction, long trialId, IReadOnlyDictionary<string, string> attributes)
    {
        foreach (var (key, value) in attributes)
        {
            Execute(transaction,
                """
                INSERT INTO trial_attributes (trial_id, position, key, value)
                VALUES ($trial, (SELECT coalesce(max(position) + 1, 0) FROM trial_attributes WHERE trial_id = $trial), $key, $value)
                ON CONFLICT (trial_id, key) DO UPDATE SET value = excluded.value
                """,
                ("$trial", trialId), ("$key", key), ("$value", value));
        }
    }

    private static SqliteCommand Command(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    private static string StateName(TrialState state) => state.ToString().ToLowerInvariant();

    private static TrialState ParseState(string text) => Enum.Parse<TrialState>(text, ignoreCase: true);

    private static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
