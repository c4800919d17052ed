using GanTuner.Storage;
using Microsoft.Data.Sqlite;

namespace GanTuner.Dashboard.Tests;

/// <summary>A study store in a temporary folder, a writer connection to it, and a real dashboard server on a
/// free loopback port reading it through its own read-only connection.</summary>
internal sealed class DashboardHarness : IAsyncDisposable
{
    private DashboardHarness(string folder, SqliteStudyStore writer, SqliteStudyStore reader, DashboardServer server)
    {
        Folder = folder;
        Writer = writer;
        Reader = reader;
        Server = server;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Folder { get; }

    public SqliteStudyStore Writer { get; }

    public SqliteStudyStore Reader { get; }

    public DashboardServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<DashboardHarness> StartAsync(Action<IStudyStore>? seed = null, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("gantuner-dashboard-").FullName;
        var path = Path.Combine(folder, "studies.db");
        var writer = new SqliteStudyStore(path);
        seed?.Invoke(writer);
        var reader = SqliteStudyStore.OpenReadOnly(path);
        var server = await DashboardServer.StartAsync(reader, new DashboardOptions(Port: 0, WorkingDirectory: folder));
        return new DashboardHarness(folder, writer, reader, server);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Reader.Dispose();
        Writer.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
