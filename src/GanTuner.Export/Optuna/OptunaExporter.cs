using System.Globalization;
using System.Text.Json;
using GanTuner.Storage;
using GanTuner.Tuning;
using Microsoft.Data.Sqlite;

namespace GanTuner.Export.Optuna;

/// <summary>Writes one study of any <see cref="IStudyStore"/> as an SQLite file in Optuna 3.1's RDB schema, so
/// <c>optuna.load_study(storage="sqlite:///FILE")</c> and optuna-dashboard open it.</summary>
/// <remarks>
/// <para>Mapping: Complete → COMPLETE with its value; Failed (and interrupted) → FAIL; Pruned → PRUNED, its
/// last value kept as an intermediate value (Optuna records a pruned trial's value there); Running →
/// RUNNING. Parameters get their distributions (see <see cref="OptunaDistribution"/>). A trial's metrics
/// become float user attributes under their own names and its attributes string user attributes; the
/// study's attributes, tuner, seed and search space become study user attributes. Times are written in UTC.</para>
/// <para>The file is built beside the target under a temporary name and moved into place only once complete,
/// so a failed export leaves nothing half-written.</para>
/// </remarks>
public static class OptunaExporter
{
    /// <summary>The Optuna release whose schema this writes, and its alembic revision.</summary>
    public const string OptunaVersion = "3.1.0";
    public const string AlembicRevision = "v3.0.0.d";
    public const int SchemaVersion = 12;

    public static OptunaExportResult Export(IStudyStore store, string studyName, string outPath, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(studyName);
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        var target = Path.GetFullPath(outPath);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new ExportException($"cannot write '{outPath}': folder '{folder}' does not exist");
        }

        if (File.Exists(target) && !overwrite)
        {
            throw new ExportException($"'{outPath}' already exists; remove it or choose another --out");
        }

        var study = store.FindStudy(studyName) ?? throw new ExportException($"no study named '{studyName}'");
        var trials = store.GetTrials(studyName);
        var space = ParseSpace(study);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        try
        {
            Write(temporary, study, space, trials);
            SqliteConnection.ClearAllPools();
            File.Move(temporary, target, overwrite);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(temporary);
        }

        return new OptunaExportResult(target, study.Name, trials.Count);
    }

    private static void Write(string path, StudyRecord study, SearchSpace space, IReadOnlyList<TrialRecord> trials)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(transaction, Schema());
        Execute(transaction, "INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, $v0, $v1)", SchemaVersion, OptunaVersion);
        Execute(transaction, "INSERT INTO alembic_version (version_num) VALUES ($v0)", AlembicRevision);
        var studyId = Scalar(transaction, "INSERT INTO studies (study_name) VALUES ($v0) RETURNING study_id", study.Name);
        Execute(transaction, "INSERT INTO study_directions (direction, study_id, objective) VALUES ('MINIMIZE', $v0, 0)", studyId);
        var studyAttributes = new List<KeyValuePair<string, string>>(study.UserAttributes)
        {
            new("gantuner.tuner", study.TunerName),
            new("gantuner.seed", study.Seed.ToString(CultureInfo.InvariantCulture)),
            new("gantuner.search_space", study.SearchSpaceJson),
            new("gantuner.tuner_options", study.TunerOptionsJson),
            new("gantuner.created_at", Time(study.CreatedAt)),
        };
        foreach (var (key, value) in studyAttributes.DistinctBy(a => a.Key))
        {
            Execute(transaction, "INSERT INTO study_user_attributes (study_id, key, value_json) VALUES ($v0, $v1, $v2)", studyId, key, JsonSerializer.Serialize(value));
        }

        var distributions = space.Parameters.ToDictionary(p => p.Name, p => (Parameter: p, Json: OptunaDistribution.ToJson(p)), StringComparer.Ordinal);
        foreach (var trial in trials)
        {
            WriteTrial(transaction, studyId, trial, distributions);
        }

        transaction.Commit();
    }

    private static void WriteTrial(SqliteTransaction transaction, long studyId, TrialRecord trial, Dictionary<string, (SearchParameter Parameter, string Json)> distributions)
    {
        var trialId = Scalar(transaction,
            "INSERT INTO trials (number, study_id, state, datetime_start, datetime_complete) VALUES ($v0, $v1, $v2, $v3, $v4) RETURNING trial_id",
            trial.Number, studyId, State(trial.State), Time(trial.StartedAt), trial.FinishedAt is { } finished ? Time(finished) : null);
        foreach (var (name, value) in trial.Parameters)
        {
            if (!distributions.TryGetValue(name, out var distribution))
            {
                throw new ExportException($"trial {trial.Number} has parameter '{name}', which the study's search space does not define");
            }

            Execute(transaction, "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES ($v0, $v1, $v2, $v3)",
                trialId, name, OptunaDistribution.InternalValue(distribution.Parameter, value), distribution.Json);
        }

        if (trial.State == TrialState.Complete && trial.Value is { } final)
        {
            var (stored, type) = Stored(final);
            Execute(transaction, "INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES ($v0, 0, $v1, $v2)", trialId, stored, type);
        }
        else if (trial.State == TrialState.Pruned && trial.Value is { } last)
        {
            var step = int.TryParse(trial.Attributes.GetValueOrDefault("epoch"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch) ? epoch : 0;
            var (stored, type) = Stored(last);
            Execute(transaction, "INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type) VALUES ($v0, $v1, $v2, $v3)",
                trialId, step, stored, type);
        }

        var userAttributes = trial.Metrics.Where(m => double.IsFinite(m.Value)).Select(m => (m.Key, Json: JsonSerializer.Serialize(m.Value)))
            .Concat(trial.Attributes.Select(a => (a.Key, Json: JsonSerializer.Serialize(a.Value))));
        foreach (var (key, json) in userAttributes.DistinctBy(a => a.Key))
        {
            Execute(transaction, "INSERT INTO trial_user_attributes (trial_id, key, value_json) VALUES ($v0, $v1, $v2)", trialId, key, json);
        }
    }

    private static SearchSpace ParseSpace(StudyRecord study)
    {
        try
        {
            return SearchSpace.Parse(study.SearchSpaceJson);
        }
        catch (SearchSpaceException e)
        {
            throw new ExportException($"study '{study.Name}' has a search space this version cannot read ({e.Message})", e);
        }
    }

    // Optuna's enum names, as SQLAlchemy stores them.
    private static string State(TrialState state) => state switch
    {
        TrialState.Running => "RUNNING",
        TrialState.Complete => "COMPLETE",
        TrialState.Pruned => "PRUNED",
        _ => "FAIL",
    };

    private static (double? Value, string Type) Stored(double value) =>
        double.IsPositiveInfinity(value) ? (null, "INF_POS") : double.IsNegativeInfinity(value) ? (null, "INF_NEG") : (value, "FINITE");

    /// <summary>SQLAlchemy's SQLite DateTime text; Optuna reads it as a naive datetime, here in UTC.</summary>
    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string Schema()
    {
        using var stream = typeof(OptunaExporter).Assembly.GetManifestResourceStream("GanTuner.Export.Optuna.schema.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Execute(SqliteTransaction transaction, string sql, params object?[] values)
    {
        using var command = Command(transaction, sql, values);
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteTransaction transaction, string sql, params object?[] values)
    {
        using var command = Command(transaction, sql, values);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Command(SqliteTransaction transaction, string sql, object?[] values)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$v" + i.ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }

        return command;
    }
}
