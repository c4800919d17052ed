using System.Globalization;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Neural;
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
            var series = await settings.LoadSeriesAsync(cancel.Token).ConfigureAwait(false);
            var data = ForecastDataset.Build(series, settings.Spec(settings.SequenceLength));
            var options = new TrialOptions(KeepModel: settings.SaveModel is not null, EarlyStopping: settings.EarlyStoppingValue);
            var result = settings.Json
                ? TrialRunner.Run(data, settings.Config, options, cancellationToken: cancel.Token)
                : RunWithProgress(data, settings.Config, options, cancel.Token);

            if (result.Model is not null && settings.SaveModel is not null)
            {
                Save(result.Model, settings.SaveModel);
            }

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

    private static TrialResult RunWithProgress(ForecastDataset data, TrialConfig config, TrialOptions options, CancellationToken cancellationToken)
    {
        TrialResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: config.Epochs);
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = p.Epochs;
                    task.Value = p.Epoch - 1 + ((double)p.Batch / p.Batches);
                    task.Description = string.Create(
                        CultureInfo.InvariantCulture,
                        $"epoch {p.Epoch}/{p.Epochs}  loss {p.MeanTrainLoss:G4}");
                });
                result = TrialRunner.Run(data, config, options, progress, cancellationToken);
            });
        return result!;
    }

    private static void Save(ForecastModel model, string path)
    {
        try
        {
            model.Save(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException($"cannot write the model to {path}: {ex.Message}", ex);
        }
    }

    /// <summary>Runs the callback on the training thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<TrialProgress> report) : IProgress<TrialProgress>
    {
        public void Report(TrialProgress value) => report(value);
    }
}
