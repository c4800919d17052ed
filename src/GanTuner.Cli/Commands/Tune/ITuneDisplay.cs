using GanTuner.Forecasting;
using GanTuner.Storage;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>How a running study shows itself: live progress bars on a terminal, plain lines otherwise.
/// Every member is called on the thread that runs the trials.</summary>
internal interface ITuneDisplay : IProgress<TrialProgress>
{
    /// <summary>Runs the study inside the display (a live display lasts exactly as long as <paramref name="study"/>).</summary>
    void Run(Action study);

    void TrialStarted(TrialRecord trial, TrialConfig config);

    /// <param name="trial">The finished trial as stored.</param>
    /// <param name="isBest">Whether it is now the study's best.</param>
    void TrialFinished(TrialRecord trial, bool isBest);
}
