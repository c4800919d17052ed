using System.Globalization;

namespace GanTuner.Forecasting;

/// <summary>
/// One LSTM configuration to train and score: the paper's six hyperparameters plus epochs, seed and
/// threads. Every random choice of the trial (initial weights, batch order, dropout masks) flows from
/// <see cref="Seed"/>.
/// </summary>
/// <param name="Layers">Stacked LSTM layers (1–5 in the paper's search space).</param>
/// <param name="Units">Units per LSTM layer.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="BatchSize">Windows per optimisation step.</param>
/// <param name="SequenceLength">Past days in each input window.</param>
/// <param name="Dropout">Dropout rate after every LSTM layer, in [0, 1).</param>
/// <param name="Epochs">Passes over the training windows.</param>
/// <param name="Seed">Seed of every random choice.</param>
/// <param name="Threads">Worker threads; 0 means every core.</param>
public sealed record TrialConfig(
    int Layers,
    int Units,
    double LearningRate,
    int BatchSize,
    int SequenceLength,
    double Dropout,
    int Epochs = 10,
    long Seed = 0,
    int Threads = 0)
{
    /// <summary>The threads a trial will use: <see cref="Threads"/>, or every core when it is 0.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>Why this configuration cannot be trained, or null when it can.</summary>
    public string? Problem()
    {
        if (Layers < 1)
        {
            return "layers must be at least 1";
        }

        if (Units < 1)
        {
            return "units must be at least 1";
        }

        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
        {
            return "the learning rate must be a positive number";
        }

        if (BatchSize < 1)
        {
            return "the batch size must be at least 1";
        }

        if (SequenceLength < 1)
        {
            return "the sequence length must be at least 1";
        }

        if (!(Dropout >= 0 && Dropout < 1))
        {
            return "dropout must be in [0, 1)";
        }

        if (Epochs < 1)
        {
            return "epochs must be at least 1";
        }

        return Threads < 0 ? "threads must be 0 (all cores) or more" : null;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"layers {Layers}, units {Units}, lr {LearningRate:G4}, batch {BatchSize}, seq {SequenceLength}, dropout {Dropout:G3}, epochs {Epochs}, seed {Seed}");
}
