using System.Globalization;
using GanTuner.Storage;
using Microsoft.Data.Sqlite;

namespace GanTuner.Dashboard.Tests;

/// <summary>Test-only: appends many finished trials to a study of an SQLite store in one transaction, with the
/// same rows <see cref="SqliteStudyStore"/> writes (20,000 separate store transactions take over a minute on
/// a loaded machine). The study itself is created through the store.</summary>
internal static class BulkTrials
{
    public static void AppendComplete(string path, string study, int count, int seed = 1)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var studyId = Convert.ToInt64(Run(transaction, "SELECT study_id FROM studies WHERE name = $v0", study), CultureInfo.InvariantCulture);
        var names = TestStudies.Space.Parameters;
        for (var i = 0; i < count; i++)
        {
            var point = TestStudies.PointOf(i, seed);
            var value = TestStudies.ValueAt(point);
            var started = TestStudies.T0.AddSeconds(i).ToString("O", CultureInfo.InvariantCulture);
            var finished = TestStudies.T0.AddSeconds(i + 0.5).ToString("O", CultureInfo.InvariantCulture);
            var trialId = Convert.ToInt64(Run(transaction,
                """
                INSERT INTO trials (study_id, number, state, value, started_at, finished_at, finished_before, finish_order)
                VALUES ($v0, $v1, 'complete', $v2, $v3, $v4, $v1, $v5) RETURNING trial_id
                """, studyId, i, value, started, finished, i + 1), CultureInfo.InvariantCulture);
            var decoded = TestStudies.Space.Decode(point);
            for (var d = 0; d < names.Count; d++)
            {
                var parameter = decoded[names[d].Name];
                var isText = parameter.Kind == Tuning.ParameterValueKind.Text;
                Run(transaction, "INSERT INTO trial_params (trial_id, position, name, number, text) VALUES ($v0, $v1, $v2, $v3, $v4)",
                    trialId, d, names[d].Name, isText ? null : parameter.AsDouble(), isText ? parameter.AsText() : null);
                Run(transaction, "INSERT INTO trial_point (trial_id, dimension, value) VALUES ($v0, $v1, $v2)", trialId, d, point[d]);
            }

            Run(transaction, "INSERT INTO trial_metrics (trial_id, position, name, value) VALUES ($v0, 0, 'test_rmse', $v1)", trialId, value * 3);
        }

        transaction.Commit();
    }

    private static object? Run(SqliteTransaction transaction, string sql, params object?[] values)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$v" + i.ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }

        return command.ExecuteScalar();
    }
}
