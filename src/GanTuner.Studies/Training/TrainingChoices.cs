namespace GanTuner.Studies.Training;

/// <summary>
/// The training options as a front end receives them, unparsed; null means "the preset's value". Turned into
/// <see cref="TrainingSettings"/> by <see cref="TrainingSettings.From"/>, the one place they are parsed and checked.
/// </summary>
public sealed record TrainingChoices
{
    /// <summary>default or paper (null: default).</summary>
    public string? Preset { get; init; }

    /// <summary>A name of <c>ProtocolNames.Protocols</c>.</summary>
    public string? Protocol { get; init; }

    /// <summary>A name of <c>ProtocolNames.Targets</c>.</summary>
    public string? Target { get; init; }

    /// <summary>A name of <c>ProtocolNames.Scalings</c>.</summary>
    public string? Scaling { get; init; }

    /// <summary>on or off.</summary>
    public string? EarlyStopping { get; init; }

    public int? Patience { get; init; }

    public int? MinSteps { get; init; }

    public int? MaxEpochs { get; init; }

    /// <summary>Comma-separated names of <c>InputFeatureNames.Names</c> (null: the close alone).</summary>
    public string? Features { get; init; }

    /// <summary>Walk-forward's number of folds (only with the walk-forward protocol).</summary>
    public int? Folds { get; init; }

    /// <summary>expanding or sliding (only with the walk-forward protocol).</summary>
    public string? Window { get; init; }
}
