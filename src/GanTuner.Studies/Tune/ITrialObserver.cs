using GanTuner.Forecasting;
using GanTuner.Storage;

namespace GanTuner.Studies.Tune;

/// <summary>What a front end hears of one LSTM trial: its start and the progress of every batch, on the thread
/// that trains it.</summary>
public interface ITrialObserver : IProgress<TrialProgress>
{
    void TrialStarted(TrialRecord trial, TrialConfig config);
}
