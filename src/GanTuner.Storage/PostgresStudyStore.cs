using Npgsql;
using Polly;
using Polly.Retry;

namespace GanTuner.Storage;

/// <summary>A store in a PostgreSQL database, shared by workers on many machines (see <see cref="IStudyStore"/>
/// for the contract it keeps).</summary>
/// <remarks>
/// Every call is one transaction on a pooled connection. Writes lock the study's row first
/// (<c>SELECT … FOR UPDATE</c>), so the writers of one study are serialised and the compare-and-set of
/// <see cref="TryCreateTrial"/> and the order stamps are exact, while other studies proceed in parallel.
/// Reads run in REPEATABLE READ, so <see cref="GetTrials"/> sees one snapshot. A transient failure (a lost
/// connection, a server restarting) rolls the transaction back and the call is retried with back-off for
/// <see cref="RetryFor"/>; then it ends in a <see cref="StudyStoreException"/>. Times are stored to the
/// microsecond (PostgreSQL's <c>timestamptz</c>).
/// </remarks>
public sealed class PostgresStudyStore : IStudyStore, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ResiliencePipeline _retry;
    private readonly string _where;

    /// <summary>Opens the store at <paramref name="url"/> (<c>postgresql://user@host:port/database[?schema=name]</c>),
    /// creating or upgrading its tables; connection failures are retried for <paramref name="retryFor"/> (default 60 s).</summary>
    public PostgresStudyStore(string url, TimeSpan? retryFor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var (connectionString, schema) = PostgresUrl.Parse(url);
        Url = PostgresUrl.Redact(url);
        Schema = schema;
        RetryFor = retryFor ?? TimeSpan.FromSeconds(60);
        _where = $"PostgreSQL store '{Url}'";
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            SearchPath = PostgresSchema.Quote(schema),
            Timeout = 15,
            ApplicationName = "gantuner",
        };
        _dataSource = NpgsqlDataSource.Create(builder);
        _retry = RetryPipeline(RetryFor);
        Guard(() =>
        {
            using var connection = _dataSource.OpenConnection();
            PostgresSchema.Upgrade(connection, schema, _where);
            return 0;
        });
    }

    /// <summary>The store's URL, without its password.</summary>
    public string Url { get; }

    /// <summary>The PostgreSQL schema that holds the tables.</summary>
    public string Schema { get; }

    /// <summary>How long a lost connection is retried before a call gives up.</summary>
    public TimeSpan RetryFor { get; }

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => PostgresSchema.CurrentVersion;

    /// <summary>
    /// A token that changes whenever a transaction completes on the server: the snapshot's xmax, one past the
    /// latest completed transaction id. Read-only transactions take no id, so readers never change it; writes
    /// to other databases of the server do, which only costs a watcher a needless re-read. One indexed-free
    /// query, so a dashboard can look several times a second without reading the trials.
    /// </summary>
    public string ChangeToken() =>
        Read(transaction => Convert.ToString(Scalar(transaction, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text"), System.Globalization.CultureInfo.InvariantCulture) ?? "");

    public bool TryCreateStudy(StudyRecord study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Write(transaction =>
        {
            var studyId = Scalar(transaction,
                """
                INSERT INTO studies (name, direction, search_space, tuner, tuner_options, seed, created_at)
                VALUES (@name, @direction, @space, @tuner, @options, @seed, @created)
                ON CONFLICT (name) DO NOTHING RETURNING study_id
                """,
                ("name", study.Name), ("direction", study.Direction.ToString()), ("space", study.SearchSpaceJson),
                ("tuner", study.TunerName), ("options", study.TunerOptionsJson), ("seed", study.Seed),
                ("created", study.CreatedAt.ToUniversalTime())) as long?;
            if (studyId is null)
            {
                return false;
            }

            var position = 0;
            foreach (var (key, value) in study.UserAttributes)
            {
                Execute(transaction,
                    "INSERT INTO study_attributes (study_id, position, key, value) VALUES (@study, @position, @key, @value)",
                    ("study", studyId), ("position", position++), ("key", key), ("value", value));
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
        return Read(transaction => ReadTrials(transaction, RequireStudyId(transaction, studyName, lockRow: false)));
    }

    public TrialRecord? TryCreateTrial(string studyName, TrialDraft draft, StudyProgress expected)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        ArgumentNullException.ThrowIfNull(draft);
        return Write(studyName, (transaction, studyId) =>
        {
            var actual = ReadProgress(transaction, studyId);
            if (actual != expected)
            {
                return null;
            }

            var trialId = (long)Scalar(transaction,
                """
                INSERT INTO trials (study_id, number, state, started_at, finished_before, worker, heartbeat_at, stale_after_ms)
                VALUES (@study, @number, 'running', @started, @before, @worker, @started, @grace) RETURNING trial_id
                """,
                ("study", studyId), ("number", actual.Trials), ("started", draft.StartedAt.ToUniversalTime()),
                ("before", actual.Finished), ("worker", draft.Worker),
                ("grace", draft.StaleAfter is { } grace ? (long)Math.Ceiling(grace.TotalMilliseconds) : null))!;
            var position = 0;
            foreach (var (name, value) in draft.Parameters)
            {
                Execute(transaction,
                    "INSERT INTO trial_params (trial_id, position, name, number, text) VALUES (@trial, @position, @name, @number, @text)",
                    ("trial", trialId), ("position", position++), ("name", name), ("number", value.Number), ("text", value.Text));
            }

            for (var dimension = 0; dimension < draft.Point.Count; dimension++)
            {
                Execute(transaction,
                    "INSERT INTO trial_point (trial_id, dimension, value) VALUES (@trial, @dimension, @value)",
                    ("trial", trialId), ("dimension", dimension), ("value", draft.Point[dimension]));
            }

            UpsertAttributes(transaction, trialId, draft.Attributes);
            return new TrialRecord(actual.Trials, TrialState.Running, draft, actual.Finished);
        });
    }

    public TrialRecord FinishTrial(string studyName, int trialNumber, TrialCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        ArgumentNullException.ThrowIfNull(completion);
        return Write(studyName, (transaction, studyId) =>
        {
            var row = RequireTrial(transaction, studyId, studyName, trialNumber);
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
        // The study row is not locked: a heartbeat touches one trial row, whose own lock orders it
        // against a concurrent finish (which re-checks the state after the heartbeat, and vice versa).
        return Write(transaction =>
        {
            var studyId = RequireStudyId(transaction, studyName, lockRow: false);
            var updated = Execute(transaction,
                "UPDATE trials SET heartbeat_at = @at WHERE study_id = @study AND number = @number AND state = 'running'",
                ("at", at.ToUniversalTime()), ("study", studyId), ("number", trialNumber));
            if (updated == 0)
            {
                _ = RequireTrial(transaction, studyId, studyName, trialNumber);
            }

            return updated > 0;
        });
    }

    public bool SetRunningAttributes(string studyName, int trialNumber, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        ArgumentNullException.ThrowIfNull(attributes);
        // Like a heartbeat: the trial's row lock orders it against a concurrent finish, not the study's.
        return Write(transaction =>
        {
            var studyId = RequireStudyId(transaction, studyName, lockRow: false);
            var trialId = Scalar(transaction,
                "SELECT trial_id FROM trials WHERE study_id = @study AND number = @number AND state = 'running' FOR UPDATE",
                ("study", studyId), ("number", trialNumber));
            if (trialId is null)
            {
                _ = RequireTrial(transaction, studyId, studyName, trialNumber);
                return false;
            }

            UpsertAttributes(transaction, (long)trialId, attributes);
            return true;
        });
    }

    public TrialRecord? TryFinishStale(string studyName, int trialNumber, TrialCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        ArgumentNullException.ThrowIfNull(completion);
        return Write(studyName, (transaction, studyId) =>
        {
            // FOR UPDATE: a heartbeat in flight either commits first (and the trial is live) or waits for us.
            Execute(transaction, "SELECT 1 FROM trials WHERE study_id = @study AND number = @number FOR UPDATE",
                ("study", studyId), ("number", trialNumber));
            var row = RequireTrial(transaction, studyId, studyName, trialNumber);
            return row.IsStaleAt(completion.FinishedAt) ? Finish(transaction, studyId, row, completion) : null;
        });
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    private static ResiliencePipeline RetryPipeline(TimeSpan retryFor)
    {
        // Back-off 0.25, 0.5, 1, 2, 4, 4… s: as many attempts as fit in retryFor.
        var attempts = 0;
        var delay = TimeSpan.FromMilliseconds(250);
        for (var waited = TimeSpan.Zero; waited < retryFor; attempts++)
        {
            waited += delay;
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(4).Ticks));
        }

        if (attempts == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient),
                MaxRetryAttempts = attempts,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(4),
                BackoffType = DelayBackoffType.Exponential,
            })
            .Build();
    }

    private T Write<T>(Func<NpgsqlTransaction, T> work) => Guard(() =>
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);
        var result = work(transaction);
        transaction.Commit();
        return result;
    });

    private T Write<T>(string studyName, Func<NpgsqlTransaction, long, T> work) =>
        Write(transaction => work(transaction, RequireStudyId(transaction, studyName, lockRow: true)));

    private T Read<T>(Func<NpgsqlTransaction, T> work) => Guard(() =>
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        return work(transaction);
    });

    private T Guard<T>(Func<T> work)
    {
        try
        {
            return _retry.Execute(work);
        }
        catch (NpgsqlException e) when (e.IsTransient)
        {
            throw new StudyStoreException(
                $"lost the connection to the {_where} and could not get it back in {RetryFor.TotalSeconds:0} s ({e.Message.TrimEnd('.')})", e);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName)
        {
            throw new StudyStoreException($"{_where}: the database does not exist (create it with createdb)", e);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            throw new StudyStoreException($"{_where}: the server refused the login ({e.MessageText})", e);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new StudyStoreException($"{_where}: not allowed ({e.MessageText})", e);
        }
        catch (NpgsqlException e)
        {
            throw new StudyStoreException($"{_where}: {e.Message.TrimEnd('.')}", e);
        }
    }

    private static long? FindStudyId(NpgsqlTransaction transaction, string name, bool lockRow) =>
        Scalar(transaction, "SELECT study_id FROM studies WHERE name = @name" + (lockRow ? " FOR UPDATE" : ""),
            ("name", name)) as long?;

    private static long RequireStudyId(NpgsqlTransaction transaction, string name, bool lockRow) =>
        FindStudyId(transaction, name, lockRow) ?? throw new StudyStoreException($"no study named '{name}'");

    private static TrialRecord RequireTrial(NpgsqlTransaction transaction, long studyId, string studyName, int trialNumber) =>
        ReadTrials(transaction, studyId, trialNumber).SingleOrDefault()
        ?? throw new StudyStoreException($"study '{studyName}' has no trial {trialNumber}");

    private static StudyProgress ReadProgress(NpgsqlTransaction transaction, long studyId)
    {
        using var command = Command(transaction,
            "SELECT count(*), count(finish_order) FROM trials WHERE study_id = @study", ("study", studyId));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StudyProgress((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    private static TrialRecord Finish(NpgsqlTransaction transaction, long studyId, TrialRecord row, TrialCompletion completion)
    {
        var finishOrder = ReadProgress(transaction, studyId).Finished + 1;
        var trialId = (long)Scalar(transaction,
            """
            UPDATE trials SET state = @state, value = @value, finished_at = @finished, finish_order = @order
            WHERE study_id = @study AND number = @number RETURNING trial_id
            """,
            ("state", StateName(completion.State)), ("value", completion.Value),
            ("finished", completion.FinishedAt.ToUniversalTime()), ("order", finishOrder),
            ("study", studyId), ("number", row.Number))!;
        var position = 0;
        foreach (var (name, value) in completion.Metrics)
        {
            Execute(transaction,
                "INSERT INTO trial_metrics (trial_id, position, name, value) VALUES (@trial, @position, @name, @value)",
                ("trial", trialId), ("position", position++), ("name", name), ("value", double.IsNaN(value) ? null : value));
        }

        UpsertAttributes(transaction, trialId, completion.Attributes);
        return row.Finish(completion, finishOrder);
    }

    private static List<StudyRecord> ReadStudies(NpgsqlTransaction transaction, string? name) =>
        StoreRows.ReadStudies(
            sql => Command(transaction, sql, ("name", name)),
            "@name::text IS NULL OR s.name = @name",
            "\"C\"",
            (reader, column) => reader.GetFieldValue<DateTimeOffset>(column));

    private static List<TrialRecord> ReadTrials(NpgsqlTransaction transaction, long studyId, int? onlyNumber = null) =>
        StoreRows.ReadTrials(
            sql => Command(transaction, sql, ("study", studyId), ("number", onlyNumber)),
            "t.study_id = @study AND (@number::integer IS NULL OR t.number = @number)",
            (reader, column) => reader.GetFieldValue<DateTimeOffset>(column));

    private static void UpsertAttributes(NpgsqlTransaction transaction, long trialId, IReadOnlyDictionary<string, string> attributes)
    {
        foreach (var (key, value) in attributes)
        {
            Execute(transaction,
                """
                INSERT INTO trial_attributes (trial_id, position, key, value)
                VALUES (@trial, (SELECT coalesce(max(position) + 1, 0) FROM trial_attributes WHERE trial_id = @trial), @key, @value)
                ON CONFLICT (trial_id, key) DO UPDATE SET value = excluded.value
                """,
                ("trial", trialId), ("key", key), ("value", value));
        }
    }

    private static NpgsqlCommand Command(NpgsqlTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static int Execute(NpgsqlTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    private static string StateName(TrialState state) => state.ToString().ToLowerInvariant();
}
