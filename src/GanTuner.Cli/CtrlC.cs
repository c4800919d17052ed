using System.Runtime.InteropServices;

namespace GanTuner.Cli;

/// <summary>Runs long work under a token that the first Ctrl+C or SIGTERM cancels, so the running trials can
/// be recorded as interrupted; a second one is a user (or scheduler) who will not wait, and ends the process
/// at once. SIGTERM is what a scheduler or Kubernetes sends before it stops a worker: the work's exit code
/// for cancellation (130) then becomes 143 (128 + SIGTERM), as a shell reports a process ended by it.</summary>
internal static class CtrlC
{
    /// <summary>The exit code of a process stopped by SIGTERM.</summary>
    public const int Terminated = 143;

    public static async Task<int> RunCancellableAsync(Func<CancellationToken, Task<int>> work)
    {
        using var cancel = new CancellationTokenSource();
        var terminated = false;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = !cancel.IsCancellationRequested;
            terminated = true;
            cancel.Cancel();
        });
        try
        {
            var code = await work(cancel.Token).ConfigureAwait(false);
            return terminated && code == CliErrors.Cancelled ? Terminated : code;
        }
        catch (OperationCanceledException) when (terminated)
        {
            await Console.Error.WriteLineAsync("gantuner: terminated").ConfigureAwait(false);
            return Terminated;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
