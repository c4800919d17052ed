using System.Diagnostics;
using System.Text;

namespace GanTuner.Cli.Tests;

/// <summary>A temporary folder to run <c>gantuner</c> in as a user would (its own gantuner.db and gantuner-out/),
/// with the tiny fixtures that make a trial take milliseconds.</summary>
internal sealed class TuneWorkspace : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("gantuner-tune-").FullName;

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>300 S&amp;P 500 closes, 2017-11-20 to 2019-01-31.</summary>
    public static string Prices => Fixture("tune_sp500_300.csv");

    /// <summary>Tiny LSTMs: 1–2 layers of 1–4 units, sequence length 2–8, batch 16–64.</summary>
    public static string TinySpace => Fixture("tune_space_tiny.json");

    /// <summary>A tune command on the tiny fixtures, one thread.</summary>
    public static string[] Tiny(int iterations, int epochs, params string[] more) => Tune(TinySpace, iterations, epochs, more);

    /// <summary>A tune command on the 300 prices with another search space, one thread.</summary>
    public static string[] Tune(string space, int iterations, int epochs, params string[] more) =>
    [
        "tune", "--data", Prices, "--space", space, "--iterations", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "1", .. more,
    ];

    public string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    public (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var process = Start(args);
        return process.WaitForExit();
    }

    public RunningGanTuner Start(params string[] args) => Start(null, args);

    /// <summary>Starts <c>gantuner</c> with the test hook that holds one trial open: the trial after
    /// <paramref name="skip"/> others creates <see cref="HeldTrialFile"/> and waits for Ctrl+C or kill -9.</summary>
    public RunningGanTuner StartHoldingTrial(int skip, params string[] args) => Start(
        new Dictionary<string, string>
        {
            ["GANTUNER_TEST_HOLD_TRIAL"] = HeldTrialFile,
            ["GANTUNER_TEST_HOLD_SKIP"] = skip.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        args);

    /// <summary>The file a held trial creates once it has started (see <see cref="StartHoldingTrial"/>).</summary>
    public string HeldTrialFile => PathOf("held-trial");

    public RunningGanTuner Start(IReadOnlyDictionary<string, string>? environment, params string[] args) => Start([], environment, args);

    /// <summary>Starts <c>gantuner</c> through <paramref name="launcher"/> (a command that runs the rest of its
    /// arguments, such as <c>ip netns exec NAME</c>).</summary>
    public RunningGanTuner Start(IReadOnlyList<string> launcher, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        // Through env(1) so that SIGINT is delivered even when the test run itself was started with SIGINT
        // ignored (a background job of a non-interactive shell is), which the child would otherwise inherit.
        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : "env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var part in launcher.Skip(1).Concat(launcher.Count > 0 ? ["env"] : []))
        {
            start.ArgumentList.Add(part);
        }

        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gantuner.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GANTUNER_DEBUG"] = "0";
        start.Environment.Remove("COLUMNS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new RunningGanTuner(Process.Start(start)!, Timeout);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    /// <summary>A started <c>gantuner</c> whose output is collected as it comes, so a test can wait for a line.</summary>
    internal sealed class RunningGanTuner : IDisposable
    {
        private readonly Process _process;
        private readonly TimeSpan _timeout;
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();

        public RunningGanTuner(Process process, TimeSpan timeout)
        {
            _process = process;
            _timeout = timeout;
            _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
            _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Id => _process.Id;

        public string Stdout
        {
            get
            {
                lock (_stdout)
                {
                    return _stdout.ToString();
                }
            }
        }

        /// <summary>Waits until stdout contains <paramref name="text"/>.</summary>
        public void WaitForOutput(string text)
        {
            var clock = Stopwatch.StartNew();
            while (!Stdout.Contains(text, StringComparison.Ordinal))
            {
                if (_process.HasExited || clock.Elapsed > _timeout)
                {
                    throw new TimeoutException($"gantuner never printed '{text}'; it printed:\n{Stdout}");
                }

                Thread.Sleep(20);
            }
        }

        /// <summary>Waits until the process has created <paramref name="path"/> (a held trial's signal).</summary>
        public void WaitForFile(string path)
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(path))
            {
                // The timeout only guards against a hang: the test proceeds the moment the file appears.
                if (_process.HasExited || clock.Elapsed > _timeout)
                {
                    throw new TimeoutException($"gantuner never created '{path}'; it printed:\n{Stdout}");
                }

                Thread.Sleep(20);
            }
        }

        /// <summary>What Ctrl+C sends.</summary>
        public void Interrupt()
        {
            using var kill = Process.Start("kill", ["-INT", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        /// <summary>kill -9: the process gets no chance to record anything.</summary>
        public void Kill() => _process.Kill();

        public (int ExitCode, string Stdout, string Stderr) WaitForExit()
        {
            if (!_process.WaitForExit(_timeout))
            {
                _process.Kill();
                throw new TimeoutException($"gantuner did not finish in {_timeout.TotalSeconds} s; it printed:\n{Stdout}");
            }

            _process.WaitForExit();
            lock (_stderr)
            {
                return (_process.ExitCode, Stdout, _stderr.ToString());
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static void Append(StringBuilder buffer, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (buffer)
            {
                buffer.Append(line).Append('\n');
            }
        }
    }
}
