using GanTuner.Data.Protocols;
using GanTuner.Tuning;

namespace GanTuner.Studies;

/// <summary>How <see cref="LstmStudy"/> tunes: the defaults are the paper's (GAN tuner, Table 1, 10 epochs,
/// 20 trials, holdout protocol); a smaller <see cref="Space"/>, <see cref="Epochs"/> and <see cref="Budget"/> make it fast.</summary>
/// <param name="Study">The study's name in the store (running again with the same name resumes it).</param>
/// <param name="Storage">Where the study is kept: a SQLite file or <c>sqlite:///path</c>.</param>
/// <param name="Out">The study's folder: best model, trials.csv/json, predictions.</param>
public sealed record LstmStudyOptions(string Study, string Storage, string Out)
{
    public string Tuner { get; init; } = "gan";

    public int Budget { get; init; } = 20;

    public int Epochs { get; init; } = 10;

    public int Seed { get; init; }

    /// <summary>A space of the six LSTM parameters; null: the paper's Table 1.</summary>
    public SearchSpace? Space { get; init; }

    public Protocol Protocol { get; init; } = Protocol.Holdout;

    public ForecastTarget Target { get; init; } = ForecastTarget.Level;

    /// <summary>Worker threads per trial (0: every core).</summary>
    public int Threads { get; init; }
}
