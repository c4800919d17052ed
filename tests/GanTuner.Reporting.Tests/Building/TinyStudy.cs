using System.Globalization;
using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Neural;
using GanTuner.Neural.Lstm;
using GanTuner.Reporting.Building;
using GanTuner.Storage;
using GanTuner.Tuning;

namespace GanTuner.Reporting.Tests.Building;

/// <summary>A study written by hand into a SQLite store in a temporary folder, as <c>tune</c> would leave it:
/// the first trials of the paper's Appendix B on the embedded S&amp;P 500 under holdout, one of them proposed
/// under GAN injection, one failed and one interrupted then retried.</summary>
internal sealed class TinyStudy : IDisposable
{
    public const string Name = "tiny-gan";

    // Appendix B rows 1, 4, 6, 7 and 17 (17 is the paper's best): layers, units, lr, batch, seq, dropout, mse.
    private static readonly double[][] Rows =
    [
        [2, 24, 0.0001, 512, 83, 0.2, 0.026253],
        [1, 15, 0.0001, 16, 49, 0.2, 0.000248],
        [1, 13, 0.0001, 32, 23, 0.1, 0.003790],
        [1, 17, 0.0001, 16, 15, 0.2, 0.000104],
        [2, 34, 0.001, 16, 30, 0.2, 0.000049],
    ];

    private static readonly string[] Names = ["layers", "units", "learning_rate", "batch_size", "sequence_length", "dropout"];

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("gantuner-report-store-");

    public TinyStudy(Dictionary<string, string>? attributes = null, string name = Name, string tuner = "gan-paper")
    {
        Store = new SqliteStudyStore(Path.Combine(root.FullName, "studies.db"));
        Add(name, tuner, attributes ?? DefaultAttributes(StudyDirectory));
    }

    public SqliteStudyStore Store { get; }

    public string StudyDirectory => Path.Combine(root.FullName, "out");

    /// <summary>Trial numbers in the store: 0–4 the rows above, 5 failed, 6 interrupted, 7 its retry (row 1 again).</summary>
    public const int BestTrial = 4;

    public static Dictionary<string, string> DefaultAttributes(string studyDirectory)
    {
        var series = EmbeddedPriceData.LoadSp500();
        return new()
        {
            [StudyAttributeKeys.Data] = StudyAttributeKeys.EmbeddedData,
            [StudyAttributeKeys.DataSource] = series.Source,
            [StudyAttributeKeys.Column] = "close",
            [StudyAttributeKeys.Protocol] = "holdout",
            [StudyAttributeKeys.Target] = "level",
            [StudyAttributeKeys.DataRows] = series.Count.ToString(CultureInfo.InvariantCulture),
            [StudyAttributeKeys.DataFirst] = series.FirstDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [StudyAttributeKeys.DataLast] = series.LastDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [StudyAttributeKeys.OutDirectory] = studyDirectory,
        };
    }

    public void Add(string name, string tuner, Dictionary<string, string> attributes, double scale = 1)
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.True(Store.TryCreateStudy(new StudyRecord(name, SearchSpace.Table1().ToJson(), tuner, "{}", 7, start, attributes)));
        var trials = new List<(double[] Row, TrialState State, string? Reason, bool Injection)>();
        trials.AddRange(Rows.Select((r, i) => (r, TrialState.Complete, (string?)null, i == 2)));
        trials.Add((Rows[0], TrialState.Failed, "diverged", false));
        trials.Add((Rows[0], TrialState.Failed, TrialAttributeKeys.InterruptedReason, false));
        trials.Add((Rows[0], TrialState.Complete, null, false));
        for (var n = 0; n < trials.Count; n++)
        {
            var (row, state, reason, injection) = trials[n];
            var begun = start.AddSeconds(20 * n);
            var draft = new TrialDraft(
                Names.Select((p, i) => new KeyValuePair<string, ParamValue>(p, ParamValue.Of(row[i]))),
                [.. Enumerable.Repeat(0.5, 6)],
                begun,
                injection ? [new(StudyAttributeKeys.GanInjection, "true")] : null);
            Assert.NotNull(Store.TryCreateTrial(name, draft, StudyProgress.Of(Store.GetTrials(name))));
            var mse = row[6] * scale;
            Store.FinishTrial(name, n, new TrialCompletion(
                state,
                state == TrialState.Complete ? mse : null,
                begun.AddSeconds(5 + row[4] / 10),
                state == TrialState.Complete ? SampleReports.Metrics(mse, n) : null,
                reason is null ? null : [new(TrialAttributeKeys.FailReason, reason)]));
        }
    }

    /// <summary>The best trial's test-period forecasts, as <c>tune</c> saves them: a forecaster that adds a
    /// tenth of a percent to the last close, on the test windows the best trial's sequence length gives.</summary>
    public PredictionSeries SavePredictions()
    {
        var test = Dataset(sequenceLength: 30).Test;
        var predictions = new PredictionSeries(
            test.TargetDates, test.ActualClose, [.. test.PreviousClose.Select(c => c * 1.001)], test.PreviousClose);
        PredictionsCsv.Write(StudyFiles.PredictionsPath(StudyDirectory, BestTrial), predictions);
        return predictions;
    }

    /// <summary>An untrained, Keras-initialised model of the given shape, saved where <c>tune</c> saves the best.</summary>
    public void SaveModel(int layers = 2, int units = 34, double dropout = 0.2, int sequenceLength = 30)
    {
        var network = new LstmNetwork<float>(new LstmSpec(layers, units, dropout));
        network.InitializeKeras(new SeededRandom(1));
        var dataset = Dataset(sequenceLength);
        Directory.CreateDirectory(StudyDirectory);
        new ForecastModel(network, dataset.Spec, dataset.Scaler).Save(StudyFiles.BestModelPath(StudyDirectory));
    }

    public static ForecastDataset Dataset(int sequenceLength) =>
        ForecastDataset.Build(EmbeddedPriceData.LoadSp500(), new DatasetSpec(sequenceLength));

    public void Dispose()
    {
        Store.Dispose();
        root.Delete(recursive: true);
    }
}
