using System.Globalization;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;

namespace GanTuner.Studies.Training;

/// <summary>How every trial of a run scales its windows and when it stops training.</summary>
/// <param name="Scaling">Per-window (RevIN-style) or one global min-max scaler.</param>
/// <param name="EarlyStopping">Early stopping with restore-best-weights, or null for exactly the configured epochs.</param>
public sealed record TrainingSettings(Scaling Scaling, EarlyStopping? EarlyStopping)
{
    /// <summary>The paper's training: global min-max, fixed epochs.</summary>
    public static TrainingSettings Paper { get; } = new(Scaling.Global, null);

    /// <summary>What measured best under an honest protocol (README, "Forecasts that learn"): window scaling and early stopping.</summary>
    public static TrainingSettings Default { get; } = new(Scaling.Window, new EarlyStopping());

    /// <summary>What study names add beyond the paper's training: "-window" for window scaling, "-es" for early stopping.</summary>
    public string NamePart =>
        (Scaling == Scaling.Window ? "-window" : string.Empty) + (EarlyStopping is null ? string.Empty : "-es");

    /// <summary>Early stopping in words, for study attributes and headers.</summary>
    public string EarlyStoppingDescription => EarlyStopping is { } e
        ? string.Create(CultureInfo.InvariantCulture, $"patience {e.Patience}, min steps {e.MinSteps}, max epochs {e.MaxEpochs}")
        : "off";

    /// <summary>The options of every trial (keeping its model when asked).</summary>
    public TrialOptions TrialOptions(bool keepModel) => new(KeepModel: keepModel, EarlyStopping: EarlyStopping);
}
