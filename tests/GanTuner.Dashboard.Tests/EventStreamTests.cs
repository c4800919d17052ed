using System.Text.Json;
using GanTuner.Storage;
using GanTuner.Storage.Tests;

namespace GanTuner.Dashboard.Tests;

public sealed class EventStreamTests
{
    [Fact]
    public async Task A_write_by_another_connection_is_pushed_to_an_open_event_stream()
    {
        await using var harness = await DashboardHarness.StartAsync(store => TestStudies.Create(store, "s"));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await harness.Http.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead, guard.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(guard.Token));
        var first = await NextVersion(reader, guard.Token);

        TestStudies.Start(harness.Writer, "s", TestStudies.PointOf(1));

        Assert.True(await NextVersion(reader, guard.Token) > first);
        using var table = JsonDocument.Parse(await harness.Http.GetStringAsync("api/studies/s/trials?state=running", guard.Token));
        Assert.Equal(1, table.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task On_postgresql_a_write_by_another_connection_is_pushed_too()
    {
        var url = PostgresServer.NewSchemaUrl("dashboard");
        try
        {
            using var writer = new PostgresStudyStore(url);
            TestStudies.Create(writer, "s");
            using var reader = new PostgresStudyStore(url);
            await using var server = await DashboardServer.StartAsync(reader, new DashboardOptions(Port: 0, WorkingDirectory: Path.GetTempPath()));
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var response = await http.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead, guard.Token);
            using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(guard.Token));
            var first = await NextVersion(stream, guard.Token);

            TestStudies.Start(writer, "s", TestStudies.PointOf(1));

            Assert.True(await NextVersion(stream, guard.Token) > first);
            using var table = JsonDocument.Parse(await http.GetStringAsync("api/studies/s/trials?state=running", guard.Token));
            Assert.Equal(1, table.RootElement.GetProperty("total").GetInt32());
        }
        finally
        {
            PostgresServer.DropSchema(url);
        }
    }

    private static async Task<long> NextVersion(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var data = JsonDocument.Parse(line["data: ".Length..]);
                return data.RootElement.GetProperty("version").GetInt64();
            }
        }

        throw new EndOfStreamException("the event stream ended");
    }
}
