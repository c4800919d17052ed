using System.ComponentModel;
using GanTuner.Cli.Commands.Data;
using GanTuner.Forecasting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Trial;

/// <summary>Options of <c>gantuner trial</c>: one LSTM configuration, the data options, and how to report.</summary>
public sealed class TrialSettings : DataSettings
{
    [CommandOption("--layers <N>")]
    [Description("Stacked LSTM layers.")]
    [DefaultValue(2)]
    public int Layers { get; init; } = 2;

    [CommandOption("--units <N>")]
    [Description("Units per LSTM layer.")]
    [DefaultValue(34)]
    public int Units { get; init; } = 34;

    [CommandOption("--lr <RATE>")]
    [Description("Adam's learning rate.")]
    [DefaultValue(0.001)]
    public double LearningRate { get; init; } = 0.001;

    [CommandOption("--batch <N>")]
    [Description("Windows per optimisation step.")]
    [DefaultValue(16)]
    public int BatchSize { get; init; } = 16;

    [CommandOption("--seq <L>")]
    [Description("Sequence length: each window's input is the L days before its target.")]
    [DefaultValue(30)]
    public int SequenceLength { get; init; } = 30;

    [CommandOption("--dropout <RATE>")]
    [Description("Dropout after every LSTM layer, 0 ≤ RATE < 1.")]
    [DefaultValue(0.2)]
    public double Dropout { get; init; } = 0.2;

    [CommandOption("--epochs <N>")]
    [Description("Passes over the training windows.")]
    [DefaultValue(10)]
    public int Epochs { get; init; } = 10;

    [CommandOption("--seed <N>")]
    [Description("Seed of the initial weights, the batch order and the dropout masks.")]
    [DefaultValue(0L)]
    public long Seed { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Worker threads (default: every core). The same seed and thread count give the same result, bit for bit.")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on one line instead of tables.")]
    public bool Json { get; init; }

    [CommandOption("--save-model <FILE>")]
    [Description("Save the trained model (weights, spec, scaler) to FILE, a versioned JSON model file.")]
    public string? SaveModel { get; init; }

    /// <summary>The configuration the options describe.</summary>
    public TrialConfig Config => new(Layers, Units, LearningRate, BatchSize, SequenceLength, Dropout, Epochs, Seed, Threads);

    public override ValidationResult Validate()
    {
        if (Config.Problem() is { } problem)
        {
            return ValidationResult.Error(problem switch
            {
                _ when Layers < 1 => $"--layers must be at least 1, not {Layers}",
                _ when Units < 1 => $"--units must be at least 1, not {Units}",
                _ when BatchSize < 1 => $"--batch must be at least 1, not {BatchSize}",
                _ when SequenceLength < 1 => $"--seq must be at least 1, not {SequenceLength}",
                _ when Epochs < 1 => $"--epochs must be at least 1, not {Epochs}",
                _ when Threads < 0 => $"--threads must be 0 (every core) or more, not {Threads}",
                _ when !(Dropout >= 0 && Dropout < 1) => $"--dropout must be in [0, 1), not {Dropout}",
                _ => $"--lr: {problem}",
            });
        }

        if (SaveModel is not null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(SaveModel));
            if (string.IsNullOrWhiteSpace(SaveModel) || (directory is not null && !Directory.Exists(directory)))
            {
                return ValidationResult.Error($"--save-model: the folder of '{SaveModel}' does not exist");
            }
        }

        return base.Validate();
    }
}
