using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GanTuner.Dashboard.Live;

/// <summary>SQLite's own change counter: <c>PRAGMA data_version</c> on one long-lived read-only connection
/// changes whenever another connection (any process) commits. It reads a counter in the WAL index, takes no
/// lock a writer waits for, and costs microseconds, so the server can look every quarter second.</summary>
internal sealed class SqliteChangeProbe : IStoreChangeProbe
{
    private readonly SqliteConnection _connection;

    public SqliteChangeProbe(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        _connection.Open();
    }

    public string Token()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    public void Dispose() => _connection.Dispose();
}
