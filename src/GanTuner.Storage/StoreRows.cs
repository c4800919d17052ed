using System.Data.Common;

namespace GanTuner.Storage;

/// <summary>
/// Reads studies, and a study's trials with their parameters, points, metrics and attributes, from the
/// tables that <see cref="SqliteSchema"/> and <see cref="PostgresSchema"/> both create. The two stores differ only in
/// how a command is built (parameter syntax) and how a time is stored, which the caller supplies.
/// </summary>
internal static class StoreRows
{
    /// <param name="query">Builds a command for the SQL text with the name parameter bound.</param>
    /// <param name="scope">The WHERE condition on studies <c>s</c> (all, or the one named).</param>
    /// <param name="collation">The collation that orders names by their bytes.</param>
    /// <param name="time">Reads a non-null time column.</param>
    public static List<StudyRecord> ReadStudies(Func<string, DbCommand> query, string scope, string collation, Func<DbDataReader, int, DateTimeOffset> time)
    {
        var attributes = Group(query, $"SELECT a.study_id, a.key, a.value FROM study_attributes a JOIN studies s ON s.study_id = a.study_id WHERE {scope} ORDER BY a.study_id, a.position",
            r => new KeyValuePair<string, string>(r.GetString(1), r.GetString(2)));
        var studies = new List<StudyRecord>();
        using var command = query($"SELECT s.study_id, s.name, s.direction, s.search_space, s.tuner, s.tuner_options, s.seed, s.created_at FROM studies s WHERE {scope} ORDER BY s.name COLLATE {collation}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            studies.Add(new StudyRecord(
                reader.GetString(1),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt32(6),
                time(reader, 7),
                attributes.GetValueOrDefault(reader.GetInt64(0)),
                Enum.Parse<StudyDirection>(reader.GetString(2))));
        }

        return studies;
    }

    /// <param name="query">Builds a command for the SQL text with the scope's parameters bound.</param>
    /// <param name="scope">The WHERE condition on trials <c>t</c> (one study, optionally one trial number).</param>
    /// <param name="time">Reads a non-null time column.</param>
    public static List<TrialRecord> ReadTrials(Func<string, DbCommand> query, string scope, Func<DbDataReader, int, DateTimeOffset> time)
    {
        var parameters = Group(query, $"SELECT p.trial_id, p.name, p.number, p.text FROM trial_params p JOIN trials t ON t.trial_id = p.trial_id WHERE {scope} ORDER BY p.trial_id, p.position",
            r => new KeyValuePair<string, ParamValue>(r.GetString(1), r.IsDBNull(3) ? ParamValue.Of(r.GetDouble(2)) : ParamValue.Of(r.GetString(3))));
        var points = Group(query, $"SELECT p.trial_id, p.value FROM trial_point p JOIN trials t ON t.trial_id = p.trial_id WHERE {scope} ORDER BY p.trial_id, p.dimension",
            r => r.GetDouble(1));
        var metrics = Group(query, $"SELECT m.trial_id, m.name, m.value FROM trial_metrics m JOIN trials t ON t.trial_id = m.trial_id WHERE {scope} ORDER BY m.trial_id, m.position",
            r => new KeyValuePair<string, double>(r.GetString(1), r.IsDBNull(2) ? double.NaN : r.GetDouble(2)));
        var attributes = Group(query, $"SELECT a.trial_id, a.key, a.value FROM trial_attributes a JOIN trials t ON t.trial_id = a.trial_id WHERE {scope} ORDER BY a.trial_id, a.position",
            r => new KeyValuePair<string, string>(r.GetString(1), r.GetString(2)));

        var trials = new List<TrialRecord>();
        using var command = query(
            $"""
            SELECT t.trial_id, t.number, t.state, t.value, t.started_at, t.finished_at, t.finished_before, t.finish_order,
                   t.worker, t.heartbeat_at, t.stale_after_ms
            FROM trials t WHERE {scope} ORDER BY t.number
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var state = Enum.Parse<TrialState>(reader.GetString(2), ignoreCase: true);
            var draft = new TrialDraft(
                parameters.GetValueOrDefault(id) ?? [],
                points.GetValueOrDefault(id) ?? [],
                time(reader, 4),
                attributes.GetValueOrDefault(id),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(10) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(10)));
            TrialCompletion? completion = state == TrialState.Running
                ? null
                : new TrialCompletion(state, reader.IsDBNull(3) ? null : reader.GetDouble(3), time(reader, 5), metrics.GetValueOrDefault(id));
            trials.Add(new TrialRecord(
                reader.GetInt32(1),
                state,
                draft,
                reader.GetInt32(6),
                completion,
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(9) ? null : time(reader, 9)));
        }

        return trials;
    }

    /// <summary>The rows of a query whose first column is a trial id, grouped by it in row order.</summary>
    private static Dictionary<long, List<T>> Group<T>(Func<string, DbCommand> query, string sql, Func<DbDataReader, T> item)
    {
        var groups = new Dictionary<long, List<T>>();
        using var command = query(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!groups.TryGetValue(id, out var list))
            {
                list = [];
                groups[id] = list;
            }

            list.Add(item(reader));
        }

        return groups;
    }
}
