using System.Globalization;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Studies.Trials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Trial;

/// <summary>
/// <c>gantuner trial</c>: trains one LSTM configuration and prints its scores beside the persistence
/// forecast. Exit code 0 when the trial completed, 1 when it failed (e.g. its loss diverged), 130 when
/// cancelled.
/// </summary>
public sealed class TrialCommand : AsyncCommand<TrialSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var request = new TrialRequest(settings.Source, settings.Training, settings.Config, settings.SaveModel);
            var (result, data) = settings.Json
                ? await SingleTrial.RunAsync(request, cancellationToken: cancel.Token).ConfigureAwait(false)
                : await RunWithProgressAsync(request, cancel.Token).ConfigureAwait(false);

            if (settings.Json)
            {
                Console.Out.WriteLine(TrialJson.Format(result, data));
            }
            else
            {
                TrialTables.Write(result, data, settings.SaveModel);
            }

            return result.Status switch
            {
                TrialStatus.Ok => 0,
                TrialStatus.Cancelled => CliErrors.Cancelled,
                _ => 1,
            };
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<(TrialResult Result, ForecastDataset Data)> RunWithProgressAsync(TrialRequest request, CancellationToken cancellationToken) =>
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("training", maxValue: request.Config.Epochs);
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = p.Epochs;
                    task.Value = p.Epoch - 1 + ((double)p.Batch / p.Batches);
                    task.Description = string.Create(
                        CultureInfo.InvariantCulture,
                        $"epoch {p.Epoch}/{p.Epochs}  loss {p.MeanTrainLoss:G4}");
                });
                return await SingleTrial.RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);

    /// <summary>Runs the callback on the training thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<TrialProgress> report) : IProgress<TrialProgress>
    {
        public void Report(TrialProgress value) => report(value);
    }
}
