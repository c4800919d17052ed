using Npgsql;

namespace GanTuner.Storage.Tests;

public sealed class PostgresStudyStoreTests : StudyStoreContract
{
    // Field initialisers run before the base constructor, which calls CreateStore.
    private readonly string _url = PostgresServer.NewSchemaUrl();

    protected override IStudyStore CreateStore() => new PostgresStudyStore(_url);

    protected override IStudyStore Reopen(IStudyStore store)
    {
        ((PostgresStudyStore)store).Dispose();
        return new PostgresStudyStore(_url);
    }

    protected override void Dispose(bool disposing)
    {
        ((PostgresStudyStore)Store).Dispose();
        PostgresServer.DropSchema(_url);
        base.Dispose(disposing);
    }

    [Fact]
    public void The_change_token_moves_when_a_write_commits()
    {
        var store = (PostgresStudyStore)Store;
        var before = store.ChangeToken();

        Assert.True(store.TryCreateStudy(Study("token")));

        Assert.NotEqual(before, store.ChangeToken());
    }

    [Fact]
    public void A_new_schema_gets_the_current_schema_version()
    {
        Assert.Equal(PostgresStudyStore.SchemaVersion, Query("SELECT version FROM schema_version"));
    }

    [Fact]
    public void A_schema_from_a_newer_version_is_refused()
    {
        Query("UPDATE schema_version SET version = 99");

        var error = Assert.Throws<StudyStoreException>(() => new PostgresStudyStore(_url));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_with_foreign_tables_is_refused()
    {
        var url = PostgresServer.NewSchemaUrl("foreign");
        var schema = url[(url.IndexOf("?schema=", StringComparison.Ordinal) + 8)..];
        PostgresServer.Execute($"CREATE SCHEMA \"{schema}\"; CREATE TABLE \"{schema}\".prices (day date)");
        try
        {
            var error = Assert.Throws<StudyStoreException>(() => new PostgresStudyStore(url));

            Assert.Contains("not a GanTuner study store", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            PostgresServer.DropSchema(url);
        }
    }

    [Fact]
    public void Workers_opening_a_new_schema_at_once_create_it_once()
    {
        var url = PostgresServer.NewSchemaUrl("race");
        try
        {
            Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => new PostgresStudyStore(url).Dispose());

            using var store = new PostgresStudyStore(url);
            Assert.Empty(store.ListStudies());
        }
        finally
        {
            PostgresServer.DropSchema(url);
        }
    }

    [Fact]
    public void A_dropped_connection_is_retried_and_the_call_succeeds()
    {
        Store.TryCreateStudy(Study());
        CreateTrial();

        // The server ends every session of this store: its pooled connections are now dead.
        PostgresServer.Execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gantuner'");
        var finished = Store.FinishTrial("s", 0, Complete(0.5));

        Assert.Equal(TrialState.Complete, finished.State);
        Assert.Equal(0.5, Store.GetTrials("s")[0].Value);
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_a_clear_error_after_the_retries()
    {
        var port = FreePort();

        var error = Assert.Throws<StudyStoreException>(() =>
            new PostgresStudyStore($"postgresql://postgres@127.0.0.1:{port}/postgres", TimeSpan.FromMilliseconds(300)));

        Assert.Contains("lost the connection", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_database_is_a_clear_error()
    {
        var error = Assert.Throws<StudyStoreException>(() =>
            new PostgresStudyStore(PostgresServer.Url[..PostgresServer.Url.LastIndexOf('/')] + "/no_such_db"));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://")]
    [InlineData("postgresql://host:5432/")]
    [InlineData("mysql://u@host/db")]
    [InlineData("postgresql://u@host/db?colour=red")]
    public void A_malformed_url_is_a_clear_error(string url)
    {
        var error = Assert.Throws<StudyStoreException>(() => new PostgresStudyStore(url));

        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_never_appears_in_messages()
    {
        Assert.Equal("postgresql://u:***@h:1/db", PostgresUrl.Redact("postgresql://u:secret@h:1/db"));
    }

    private long Query(string sql)
    {
        var uri = new Uri(_url);
        var schema = uri.Query[(uri.Query.IndexOf('=', StringComparison.Ordinal) + 1)..];
        using var connection = new NpgsqlConnection(PostgresServer.ConnectionString(_url.Split('?')[0]) + $";Search Path=\"{schema}\"");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
