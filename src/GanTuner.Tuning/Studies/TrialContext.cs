using GanTuner.Tuning.Pruners;

namespace GanTuner.Tuning.Studies;

/// <summary>A running trial as its objective sees it: the configuration, how many threads it may use, and
/// <see cref="ShouldPrune"/> to report each epoch's loss and learn whether to stop.</summary>
public sealed class TrialContext
{
    private readonly List<double> _values = [];
    private readonly Func<IReadOnlyList<double>, bool> _judge;
    private readonly Action<IReadOnlyDictionary<string, string>> _progress;

    internal TrialContext(TrialHandle trial, int threads, Func<IReadOnlyList<double>, bool> judge, Action<IReadOnlyDictionary<string, string>>? progress = null)
    {
        Trial = trial;
        Threads = threads;
        _judge = judge;
        _progress = progress ?? (_ => { });
    }

    public TrialHandle Trial { get; }

    public ParameterSet Parameters => Trial.Parameters;

    public int Number => Trial.Number;

    /// <summary>Threads this trial may use (the process's cores divided among its workers).</summary>
    public int Threads { get; }

    /// <summary>The losses reported so far, epoch 1 first.</summary>
    public IReadOnlyList<double> IntermediateValues => _values;

    /// <summary>Records the loss of the next epoch on the objective split and says whether the pruner
    /// wants the trial stopped now (then return <see cref="TrialOutcome.Pruned"/>).</summary>
    public bool ShouldPrune(double loss)
    {
        _values.Add(loss);
        return _judge(_values);
    }

    /// <summary>Stores attributes on the running trial at once (for example <c>epoch</c> and <c>epochs</c>, which
    /// the dashboard shows); each call is a write to the store, so report at most every second or so.</summary>
    public void ReportProgress(IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        _progress(attributes);
    }

    internal string FormatValues() => Pruners.IntermediateValues.Format(_values);
}
