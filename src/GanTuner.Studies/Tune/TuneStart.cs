namespace GanTuner.Studies.Tune;

/// <summary>A tune run as it starts: the study and its data, and how much of the budget is already spent.</summary>
/// <param name="Run">What the run's trials share.</param>
/// <param name="Data">The prices.</param>
/// <param name="IsNew">Whether this run created the study.</param>
/// <param name="Evaluated">Trials already evaluated (interrupted ones not counted).</param>
/// <param name="Stale">Trials left running by a stopped process, run again first.</param>
/// <param name="Budget">The study's total budget of evaluated trials.</param>
public sealed record TuneStart(TuneRun Run, TuneData Data, bool IsNew, int Evaluated, int Stale, int Budget)
{
    /// <summary>Trials running in other workers on this study when this one started.</summary>
    public int OtherWorkers { get; init; }

    /// <summary>The cost model's choice of workers and threads, when the request left it to the model (workers 0).</summary>
    public WorkerPlan? WorkerPlan { get; init; }
}
