using System.Net;
using GanTuner.Storage;
using GanTuner.Storage.Tests;

namespace GanTuner.Cli.Tests;

/// <summary>Workers as on separate machines: each <c>gantuner tune</c> runs in a network namespace of its own, with
/// its own folder and its own copies of the data and the search space, and reaches PostgreSQL only over its veth
/// link, so nothing but the database is shared.</summary>
public sealed class NetworkNamespaceWorkersTests : IDisposable
{
    private const int Iterations = 8;
    private readonly List<IDisposable> _owned = [];
    private readonly string _schemaUrl = PostgresServer.NewSchemaUrl("netns");

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        PostgresServer.DropSchema(_schemaUrl);
    }

    [Fact]
    public void Workers_in_namespaces_of_their_own_share_one_study_through_postgresql_over_veth_links()
    {
        var server = new Uri(PostgresServer.Url);
        var schema = _schemaUrl[_schemaUrl.IndexOf('?', StringComparison.Ordinal)..];
        var machines = Enumerable.Range(0, 2).Select(index =>
        {
            var network = Own(NetworkNamespace.Create(index));
            var relay = Own(new TcpRelay(network.HostAddress, server.Host, server.Port));
            var folder = Own(new TuneWorkspace());
            File.Copy(TuneWorkspace.Prices, folder.PathOf("prices.csv"));
            File.Copy(TuneWorkspace.TinySpace, folder.PathOf("space.json"));
            return (Network: network, Relay: relay, Folder: folder, Storage: $"postgresql://postgres@{network.HostAddress}:{relay.Port}/postgres{schema}");
        }).ToList();
        // From inside, the link leads to the server and the host's own loopback does not.
        Assert.All(machines, m => Assert.True(m.Network.CanConnect(m.Network.HostAddress, m.Relay.Port)));
        Assert.All(machines, m => Assert.False(m.Network.CanConnect(IPAddress.Loopback, server.Port)));

        // Owned, so that a worker still running when a wait fails is stopped before its link goes.
        var workers = machines.Select(m => Own(m.Folder.Start(m.Network.Launcher, null,
            "tune", "--data", m.Folder.PathOf("prices.csv"), "--space", m.Folder.PathOf("space.json"), "--iterations", Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), "--epochs", "1",
            "--threads", "1", "--study", "netns", "--storage", m.Storage, "--no-report"))).ToList();
        var exits = workers.Select(w => w.WaitForExit()).ToList();

        Assert.All(exits, e => Assert.True(e.ExitCode == 0, e.Stderr));
        // Each worker came through its own link, from its own namespace's address.
        Assert.All(machines, m => Assert.Equal(m.Network.Address, Assert.Single(m.Relay.Accepted).Key));
        using var store = new PostgresStudyStore(_schemaUrl);
        var trials = store.GetTrials("netns");
        Assert.Equal(Iterations, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(Iterations, trials.Select(t => string.Join(',', t.Point)).Distinct().Count());
    }

    private T Own<T>(T value)
        where T : IDisposable
    {
        _owned.Add(value);
        return value;
    }
}
