using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Studies.Data;

namespace GanTuner.Studies.Training;

/// <summary>How every trial of a run turns the prices into windows and trains on them: the protocol, the target,
/// the scaling, early stopping and walk-forward's folds. Every front end builds it with <see cref="From"/>, so each option is parsed,
/// defaulted by its preset and checked in one place.</summary>
/// <param name="Protocol">How the series is split and where the scaler is fitted.</param>
/// <param name="Target">What the LSTM predicts.</param>
/// <param name="Scaling">Per-window (RevIN-style) or one global min-max scaler.</param>
/// <param name="EarlyStopping">Early stopping with restore-best-weights, or null for exactly the configured epochs.</param>
public sealed record TrainingSettings(Protocol Protocol, ForecastTarget Target, Scaling Scaling, EarlyStopping? EarlyStopping)
{
    /// <summary>The LSTM's inputs at each time step: the close, and any extras asked for with <c>--features</c>.</summary>
    public InputFeatures Features { get; init; } = InputFeatures.Close;

    /// <summary>The paper's setting exactly (<c>--preset paper</c>): protocol paper, level target, global min-max, fixed epochs.</summary>
    public static TrainingSettings Paper { get; } = Fixed(Protocol.Paper, ForecastTarget.Level);

    /// <summary>What measured best under an honest protocol (README, "Forecasts that learn"): holdout, window scaling and early stopping.</summary>
    public static TrainingSettings Default { get; } = new(Protocol.Holdout, ForecastTarget.Level, Scaling.Window, new EarlyStopping());

    /// <summary>Walk-forward only: the number of folds K.</summary>
    public int Folds { get; init; } = DatasetSpec.DefaultFolds;

    /// <summary>Walk-forward only: expanding or sliding training rows.</summary>
    public FoldWindow FoldWindow { get; init; }

    public bool IsWalkForward => Protocol == Protocol.WalkForward;

    /// <summary>What study names add beyond the paper's training: "-k5" (and "-sliding") for walk-forward's folds,
    /// "-window-u2" for window scaling (whose objective is U2 on prices: studies named "-window" before it scored
    /// the scaled MSE, and keep their name), "-es" for early stopping.</summary>
    public string NamePart =>
        (IsWalkForward ? string.Create(CultureInfo.InvariantCulture, $"-k{Folds}") + (FoldWindow == FoldWindow.Sliding ? "-sliding" : string.Empty) : string.Empty)
        + (Scaling == Scaling.Window ? "-window-u2" : string.Empty) + (EarlyStopping is null ? string.Empty : "-es")
        + (Features == InputFeatures.Close ? string.Empty : "-inputs-" + Features.Name().Replace(',', '-'));

    /// <summary>What a study of this training minimises: U2 on prices under window scaling, the scaled MSE under global.</summary>
    public ObjectiveMeasure Objective => ObjectiveMeasure.For(Scaling, Protocol.ObjectiveSplit());

    /// <summary>Walk-forward's folds in words ("5 expanding"), or null for the other protocols.</summary>
    public string? FoldsDescription => IsWalkForward
        ? string.Create(CultureInfo.InvariantCulture, $"{Folds} {FoldWindow.Name()}")
        : null;

    /// <summary>Early stopping in words, for study attributes and headers.</summary>
    public string EarlyStoppingDescription => EarlyStopping is { } e
        ? string.Create(CultureInfo.InvariantCulture, $"patience {e.Patience}, min steps {e.MinSteps}, max epochs {e.MaxEpochs}")
        : "off";

    /// <summary>The paper's training (global min-max, fixed epochs) under any protocol and target.</summary>
    public static TrainingSettings Fixed(Protocol protocol, ForecastTarget target) => new(protocol, target, Scaling.Global, null);

    /// <summary>The settings the options ask for: each option, else its preset's value.</summary>
    /// <exception cref="ArgumentException">An option is not valid; the message is <see cref="Problem"/>'s.</exception>
    public static TrainingSettings From(TrainingChoices choices) =>
        TryFrom(choices, out var settings, out var problem) ? settings : throw new ArgumentException(problem, nameof(choices));

    /// <summary>Why the options cannot be used, in one line naming the option, or null.</summary>
    public static string? Problem(TrainingChoices choices) => TryFrom(choices, out _, out var problem) ? null : problem;

    /// <summary>The window recipe of <paramref name="source"/>'s prices for a sequence length;
    /// <paramref name="shuffleSeed"/> only matters for paper-shuffled.</summary>
    public DatasetSpec Spec(PriceSource source, int sequenceLength, int shuffleSeed = 42)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(sequenceLength, Protocol, Target, source.Csv.ModelledColumn, shuffleSeed, Scaling, Features, Folds, FoldWindow);
    }

    /// <summary>The options of every trial (keeping its model when asked).</summary>
    public TrialOptions TrialOptions(bool keepModel) => new(KeepModel: keepModel, EarlyStopping: EarlyStopping);

    private static bool TryFrom(TrainingChoices choices, [NotNullWhen(true)] out TrainingSettings? settings, [NotNullWhen(false)] out string? problem)
    {
        settings = Parse(choices, out var why);
        problem = why ?? string.Empty;
        return settings is not null;
    }

    private static TrainingSettings? Parse(TrainingChoices choices, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var preset = choices.Preset?.Trim().ToLowerInvariant() ?? "default";
        var paper = preset == "paper";
        var protocolName = choices.Protocol ?? (paper ? "paper" : "holdout");
        var targetName = choices.Target ?? "level";
        var scalingName = choices.Scaling ?? (paper ? "global" : "window");
        var stoppingName = choices.EarlyStopping?.Trim().ToLowerInvariant() ?? (paper ? "off" : "on");
        var knownProtocol = ProtocolNames.TryParseProtocol(protocolName, out var protocol);
        var knownTarget = ProtocolNames.TryParseTarget(targetName, out var target);
        var knownScaling = ProtocolNames.TryParseScaling(scalingName, out var scaling);
        var features = InputFeatures.Close;
        string? featureProblem = null;
        var knownFeatures = choices.Features is null || InputFeatureNames.TryParse(choices.Features, out features, out featureProblem);
        var knownWindow = ProtocolNames.TryParseFoldWindow(choices.Window ?? "expanding", out var window);
        var walkForward = knownProtocol && protocol == Protocol.WalkForward;
        problem = !knownProtocol
            ? $"--protocol must be one of {string.Join(", ", ProtocolNames.Protocols)}, not '{protocolName}'"
            : !knownTarget
            ? $"--target must be one of {string.Join(", ", ProtocolNames.Targets)}, not '{targetName}'"
            : preset is not ("default" or "paper")
            ? $"--preset must be default or paper, not '{choices.Preset}'"
            : !knownScaling
            ? $"--scaling must be one of {string.Join(", ", ProtocolNames.Scalings)}, not '{scalingName}'"
            : stoppingName is not ("on" or "off")
            ? $"--early-stopping must be on or off, not '{choices.EarlyStopping}'"
            : !walkForward && (choices.Folds is not null || choices.Window is not null)
            ? $"--folds and --window apply to --protocol walk-forward, not '{protocol.Name()}'"
            : choices.Folds is < 2
            ? $"--folds must be at least 2, not {choices.Folds}"
            : !knownWindow
            ? $"--window must be one of {string.Join(", ", ProtocolNames.FoldWindows)}, not '{choices.Window}'"
            : !knownFeatures
            ? featureProblem
            : null;
        if (problem is not null)
        {
            return null;
        }

        var stopping = stoppingName == "off" ? null : new EarlyStopping(choices.Patience ?? 3, choices.MinSteps ?? 300, choices.MaxEpochs ?? 30);
        problem = stopping?.Problem() is { } why ? $"early stopping: {why} (--patience, --min-steps, --max-epochs)" : null;
        return problem is null
            ? new TrainingSettings(protocol, target, scaling, stopping) { Folds = choices.Folds ?? DatasetSpec.DefaultFolds, FoldWindow = window, Features = features }
            : null;
    }
}
