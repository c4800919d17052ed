using System.Globalization;

namespace GanTuner.Cli.Testing;

/// <summary>
/// A hidden hook for the process tests: with <c>GANTUNER_TEST_HOLD_TRIAL=&lt;file&gt;</c> set, the trial this process
/// starts after <c>GANTUNER_TEST_HOLD_SKIP</c> others (default 0) creates the file and then waits until the run is
/// cancelled (Ctrl+C) or the process is killed. A test that interrupts a trial can then wait for the file instead of
/// racing a trial that might end before its signal arrives. Unset, it does nothing.
/// </summary>
internal sealed class TrialHold
{
    public const string FileVariable = "GANTUNER_TEST_HOLD_TRIAL";
    public const string SkipVariable = "GANTUNER_TEST_HOLD_SKIP";

    private readonly string? _file;
    private readonly CancellationToken _cancellationToken;
    private int _started;
    private readonly int _skip;

    private TrialHold(string? file, int skip, CancellationToken cancellationToken)
    {
        _file = file;
        _skip = skip;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The hold the environment asks for, released by <paramref name="cancellationToken"/>.</summary>
    public static TrialHold FromEnvironment(CancellationToken cancellationToken)
    {
        var file = Environment.GetEnvironmentVariable(FileVariable);
        var skip = int.TryParse(Environment.GetEnvironmentVariable(SkipVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        return new TrialHold(string.IsNullOrEmpty(file) ? null : file, skip, cancellationToken);
    }

    /// <summary>Called as a trial starts, on the thread that will train it: holds the chosen trial.</summary>
    public void TrialStarting()
    {
        if (_file is null || Interlocked.Increment(ref _started) != _skip + 1)
        {
            return;
        }

        File.WriteAllText(_file, "started\n");
        // The trial then sees the cancelled token and is recorded as interrupted, as a real Ctrl+C would leave it.
        _cancellationToken.WaitHandle.WaitOne();
    }
}
