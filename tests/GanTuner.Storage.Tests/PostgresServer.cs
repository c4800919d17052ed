using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GanTuner.Storage.Tests;

/// <summary>The PostgreSQL server the tests use: the one GANTUNER_TEST_POSTGRES names (a URL such as
/// postgresql://postgres@127.0.0.1:5432/postgres), or else a throwaway one this process starts on 127.0.0.1
/// (initdb into a temporary folder as the postgres user, a free port) and stops when it exits.</summary>
/// <remarks>Each caller gets a schema of its own (<see cref="NewSchemaUrl"/>), so test classes running in
/// parallel never see each other's studies.</remarks>
public static class PostgresServer
{
    private const string Variable = "GANTUNER_TEST_POSTGRES";
    private const string FolderPrefix = "gantuner-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _schemas;

    /// <summary>The server's URL (its default database, no schema).</summary>
    public static string Url => Server.Value;

    /// <summary>A URL for a new, empty schema on the server.</summary>
    public static string NewSchemaUrl(string prefix = "t")
    {
        // Unique across test processes sharing one server, and short of PostgreSQL's 63-byte identifiers.
        var schema = string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Interlocked.Increment(ref _schemas)}_{Guid.NewGuid():N}");
        return $"{Url}?schema={schema}";
    }

    /// <summary>Drops the schema a URL from <see cref="NewSchemaUrl"/> names.</summary>
    public static void DropSchema(string url)
    {
        var schema = url[(url.IndexOf("?schema=", StringComparison.Ordinal) + 8)..];
        Execute($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
    }

    /// <summary>Runs one statement on the server's default database as the administrator.</summary>
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString(Url));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>An Npgsql connection string for a postgresql:// URL without options.</summary>
    public static string ConnectionString(string url)
    {
        var uri = new Uri(url);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port,
            Database = uri.AbsolutePath.Trim('/'),
            Username = uri.UserInfo.Split(':')[0],
            Pooling = false,
        }.ConnectionString;
    }

    private static string Start()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.TrimEnd('/');
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null || !Environment.UserName.Equals("root", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need {Variable} (a postgresql:// URL) or, as root, Debian's postgresql package (apt-get install postgresql).");
        }

        SweepStoppedServers(bin);
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        // Who the server belongs to: a later run (or scripts/test.sh) stops it if this process dies without its exit handler.
        // Written whole, then moved in: a sweep never reads a half-written owner.
        File.WriteAllText(Path.Combine(folder, OwnerFile + ".tmp"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        File.Move(Path.Combine(folder, OwnerFile + ".tmp"), Path.Combine(folder, OwnerFile));
        Run("chown", "postgres", folder);
        var data = Path.Combine(folder, "data");
        RunAsPostgres(Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            try
            {
                RunAsPostgres(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "-o",
                    $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, data, folder);
                return $"postgresql://postgres@127.0.0.1:{port}/postgres";
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another program took the port between our probe and the server's bind: try another.
            }
        }
    }

    private static void Stop(string bin, string data, string folder)
    {
        RunAsPostgres(Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Stops the servers of earlier test processes that died without their exit handler (the test host may
    /// be ended before its handlers finish), and removes the folders of servers that were stopped but could not
    /// delete them. A server whose owner process still runs is never touched.</summary>
    private static void SweepStoppedServers(string bin)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var running = File.Exists(Path.Combine(folder, "data", "postmaster.pid"));
            var orphan = File.Exists(Path.Combine(folder, OwnerFile)) && !IsAlive(File.ReadAllText(Path.Combine(folder, OwnerFile)));
            var old = Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1);
            try
            {
                if (running && orphan)
                {
                    RunAsPostgres(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop");
                    Directory.Delete(folder, recursive: true);
                }
                else if (!running && (orphan || old))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // Someone else is sweeping it, or it stopped on its own meanwhile.
            }
        }
    }

    // An owner that cannot be read counts as alive: never sweep what might be in use.
    private static bool IsAlive(string pid) =>
        !int.TryParse(pid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || Directory.Exists($"/proc/{id}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAsPostgres(params string[] arguments) => Run("runuser", ["-u", "postgres", "--", .. arguments]);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}{output.Result}");
        }
    }
}
