using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GanTuner.Cli.Tests.Data;
using Microsoft.Data.Sqlite;

namespace GanTuner.Cli.Tests;

public sealed class DashboardCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gantuner-cli-dashboard-").FullName;

    private string Db => Path.Combine(_dir, "runs.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Dashboard_serves_the_store_read_only_on_the_port_it_prints()
    {
        TellOne();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "gantuner.dll"), "dashboard", "--storage", "sqlite://" + Db, "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(guard.Token) ?? throw new InvalidOperationException(await process.StandardError.ReadToEndAsync(guard.Token));
            var address = new Uri(line.Split(' ').Single(w => w.StartsWith("http://", StringComparison.Ordinal)));
            Assert.Equal("127.0.0.1", address.Host);
            using var http = new HttpClient { BaseAddress = address };

            using var studies = JsonDocument.Parse(await http.GetStringAsync("api/studies", guard.Token));
            var study = Assert.Single(studies.RootElement.EnumerateArray());
            Assert.Equal("demo", study.GetProperty("name").GetString());
            Assert.Equal(0.25, study.GetProperty("bestValue").GetDouble());
            using var post = await http.PostAsync("api/studies", new StringContent("{}"), guard.Token);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--storage", "missing.db")]
    [InlineData("--host", "not-an-address")]
    [InlineData("--port", "70000")]
    public void Dashboard_refuses_bad_options_in_one_line_with_exit_code_2(string option, string value)
    {
        TellOne();
        string[] args = option == "--storage" ? ["dashboard", option, Path.Combine(_dir, value)] : ["dashboard", "--storage", Db, option, value];
        var (code, _, stderr) = GanTunerProcess.Run(args);

        Assert.Equal(2, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Export_writes_an_optuna_file_and_refuses_to_overwrite_it()
    {
        TellOne();
        var output = Path.Combine(_dir, "optuna.db");

        var (code, stdout, stderr) = GanTunerProcess.Run("export", "--study", "demo", "--storage", Db, "--format", "optuna", "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("optuna.load_study", stdout, StringComparison.Ordinal);
        using (var connection = new SqliteConnection($"Data Source={output};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM trials t JOIN studies s ON s.study_id = t.study_id WHERE s.study_name = 'demo'";
            Assert.Equal(1L, command.ExecuteScalar());
        }

        var again = GanTunerProcess.Run("export", "--study", "demo", "--storage", Db, "--out", output);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Stderr, StringComparison.Ordinal);
        var format = GanTunerProcess.Run("export", "--study", "demo", "--storage", Db, "--format", "csv", "--out", Path.Combine(_dir, "x.csv"));
        Assert.Equal(2, format.ExitCode);
        Assert.False(File.Exists(Path.Combine(_dir, "x.csv")));
    }

    private void TellOne()
    {
        Assert.Equal(0, GanTunerProcess.Run("ask", "--study", "demo", "--storage", Db, "--seed", "1").ExitCode);
        Assert.Equal(0, GanTunerProcess.Run("tell", "--study", "demo", "--storage", Db, "--trial", "0", "--value", "0.25").ExitCode);
    }
}
