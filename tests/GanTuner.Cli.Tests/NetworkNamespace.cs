using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace GanTuner.Cli.Tests;

/// <summary>A Linux network namespace of its own (iproute2's <c>ip netns</c>, as root) joined to this host by a
/// veth pair: a process started in it (<see cref="Launcher"/>) sees only its own loopback and the pair's far end,
/// <see cref="HostAddress"/>, as if it ran on another machine of the same network.</summary>
internal sealed class NetworkNamespace(string name, string hostLink, IPAddress hostAddress, IPAddress address) : IDisposable
{
    public string Name { get; } = name;

    /// <summary>This host's end of the pair: where the namespace reaches the host's servers.</summary>
    public IPAddress HostAddress { get; } = hostAddress;

    /// <summary>The namespace's end of the pair.</summary>
    public IPAddress Address { get; } = address;

    /// <summary>Runs the command after it inside the namespace.</summary>
    public IReadOnlyList<string> Launcher => ["ip", "netns", "exec", Name];

    /// <summary>Creates namespace <paramref name="index"/> of this test process: its names carry the process id
    /// (<c>gt&lt;pid&gt;x&lt;index&gt;</c>, which scripts/test.sh sweeps once that process is gone), and its /30 comes
    /// from the shared address space 100.64.0.0/10 (RFC 6598), chosen by the id's low 16 bits.</summary>
    public static NetworkNamespace Create(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 15);
        var tag = string.Create(CultureInfo.InvariantCulture, $"gt{Environment.ProcessId}x{index}");
        var id = Environment.ProcessId % 65_536;
        byte[] subnet = [100, (byte)(64 + (id >> 10)), (byte)((id >> 2) & 0xff), (byte)(((id & 3) << 6) + (index * 4))];
        var host = new IPAddress([subnet[0], subnet[1], subnet[2], (byte)(subnet[3] + 1)]);
        var inside = new IPAddress([subnet[0], subnet[1], subnet[2], (byte)(subnet[3] + 2)]);
        var created = new NetworkNamespace(tag, tag + "h", host, inside);
        try
        {
            Ip("netns", "add", tag);
            Ip("link", "add", tag + "h", "type", "veth", "peer", "name", tag + "n");
            Ip("link", "set", tag + "n", "netns", tag);
            Ip("addr", "add", host + "/30", "dev", tag + "h");
            Ip("link", "set", tag + "h", "up");
            Ip("netns", "exec", tag, "ip", "addr", "add", inside + "/30", "dev", tag + "n");
            Ip("netns", "exec", tag, "ip", "link", "set", tag + "n", "up");
            Ip("netns", "exec", tag, "ip", "link", "set", "lo", "up");
        }
        catch
        {
            created.Dispose();
            throw;
        }

        return created;
    }

    /// <summary>Whether a TCP connection from inside the namespace to <paramref name="host"/>:<paramref name="port"/> succeeds.</summary>
    public bool CanConnect(IPAddress host, int port)
    {
        var (code, _) = Run("ip", "netns", "exec", Name, "bash", "-c",
            string.Create(CultureInfo.InvariantCulture, $"exec 3<>/dev/tcp/{host}/{port}"));
        return code == 0;
    }

    public void Dispose()
    {
        // Deleting one end of a veth pair deletes both; deleting the namespace then frees its name.
        Run("ip", "link", "del", hostLink);
        Run("ip", "netns", "del", Name);
    }

    private static void Ip(params string[] arguments)
    {
        var (code, error) = Run(["ip", .. arguments]);
        if (code != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} exited with {code}: {error}");
        }
    }

    private static (int Code, string Error) Run(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        return (process.ExitCode, error);
    }
}
