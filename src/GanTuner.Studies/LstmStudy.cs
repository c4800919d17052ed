using GanTuner.Data;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Studies.Data;
using GanTuner.Studies.Tune;

namespace GanTuner.Studies;

/// <summary>Tunes an LSTM forecaster's six hyperparameters on your own prices, in one call:
/// <c>await LstmStudy.TuneAsync(series, new LstmStudyOptions("my-study", "runs.db", "out"))</c>. It is the same study
/// as <c>gantuner tune</c> runs (resume, interruption, best model, trials files).</summary>
public static class LstmStudy
{
    /// <param name="series">The prices (read with <c>PriceCsvReader</c>, or built in code).</param>
    /// <param name="options">The study's name, store, folder and budget.</param>
    /// <param name="observer">Told of every trial; null: silent.</param>
    /// <param name="cancellationToken">Cancelling records the running trial as interrupted; the next call retries it first.</param>
    public static Task<TuneOutcome> TuneAsync(PriceSeries series, LstmStudyOptions options, ITuneObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var request = new TuneRequest(PriceSource.Of(series), Training.TrainingSettings.Fixed(options.Protocol, options.Target), options.Tuner, options.Budget, options.Storage)
        {
            Study = options.Study,
            Out = options.Out,
            Space = options.Space,
            Seed = options.Seed,
            Epochs = options.Epochs,
            Threads = options.Threads,
        };
        return LstmTuning.RunAsync(request, observer ?? new SilentObserver(), cancellationToken);
    }

    private sealed class SilentObserver : ITuneObserver
    {
        public void Started(TuneStart start)
        {
        }

        public void Run(Action trials) => trials();

        public void TrialStarted(TrialRecord trial, TrialConfig config)
        {
        }

        public void Report(TrialProgress value)
        {
        }

        public void TrialFinished(TrialRecord trial, bool isBest)
        {
        }

        public void Evaluated(IReadOnlyList<TrialRecord> trials, TrialRecord? best)
        {
        }

        public void Retraining(TrialRecord best)
        {
        }
    }
}
