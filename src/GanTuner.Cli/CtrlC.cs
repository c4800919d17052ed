namespace GanTuner.Cli;

/// <summary>Runs long work under a token that the first Ctrl+C cancels, so the running trial can be recorded
/// as interrupted; a second Ctrl+C is a user who will not wait, and ends the process at once.</summary>
internal static class CtrlC
{
    public static async Task<int> RunCancellableAsync(Func<CancellationToken, Task<int>> work)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await work(cancel.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
