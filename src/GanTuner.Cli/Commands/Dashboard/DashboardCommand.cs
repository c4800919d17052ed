using System.Diagnostics;
using System.ComponentModel;
using GanTuner.Dashboard;
using GanTuner.Storage;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Dashboard;

/// <summary><c>gantuner dashboard</c>: serves the read-only dashboard of a store until Ctrl+C.</summary>
public sealed class DashboardCommand : AsyncCommand<DashboardSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DashboardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return CtrlC.RunCancellableAsync(async cancel =>
        {
            var store = StudyStores.OpenReadOnly(settings.Storage);
            try
            {
                await using var server = await DashboardServer.StartAsync(store, new DashboardOptions(settings.Host, settings.Port), cancel).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"Dashboard of {settings.Storage} at {server.Address} (read-only; Ctrl+C to stop)").ConfigureAwait(false);
                await Console.Out.FlushAsync(cancel).ConfigureAwait(false);
                if (settings.Open)
                {
                    OpenBrowser(server.Address);
                }

                await server.RunUntilCancelledAsync(cancel).ConfigureAwait(false);
                return 0;
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }
        });
    }

    private static void OpenBrowser(Uri address)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(address.ToString()) { UseShellExecute = true });
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            Console.Error.WriteLine($"gantuner: could not open a browser ({e.Message}); open {address} yourself");
        }
    }
}
