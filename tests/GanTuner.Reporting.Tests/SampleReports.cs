using System.Globalization;
using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Tests;

/// <summary>Report models for tests: the paper's Appendix B as the trials (20 real configurations and their
/// MSEs), a small deterministic price walk as the data, and forecasts computed from that walk.</summary>
internal static class SampleReports
{
    public static readonly string[] ParameterNames = ["layers", "units", "learning_rate", "batch_size", "sequence_length", "dropout"];

    /// <summary>A model with every part present, so every figure can be drawn.</summary>
    public static ReportModel Full(string name = "paper-gan")
    {
        var prices = Prices();
        return Trials(name) with
        {
            Prices = prices,
            Forecast = Forecast(prices),
            Generator = [.. ParameterNames.Select(p => new GeneratorPathway(
                p, "last 5 objective values + 1 noise", [6, 16, 16, 1], ["tanh", "tanh", "sigmoid"], "a range"))],
            Comparison =
            [
                new ComparisonCurve("paper-random", "random", [.. AppendixB().Select(r => (double?)(r.Mse * 1.7)).Reverse()]),
                new ComparisonCurve("paper-tpe", "tpe", [.. AppendixB().Select((r, i) => (double?)(r.Mse * (i % 3 + 1)))]),
            ],
        };
    }

    /// <summary>Only what the store holds: trials, no data, no forecast, nothing to compare.</summary>
    public static ReportModel Trials(string name = "paper-gan")
    {
        var rows = AppendixB().Select((r, i) => new IterationRow(
            r.Iteration,
            "Complete",
            r.Mse,
            new Dictionary<string, double>
            {
                ["layers"] = r.Layers, ["units"] = r.Units, ["learning_rate"] = r.LearningRate,
                ["batch_size"] = r.BatchSize, ["sequence_length"] = r.SequenceLength, ["dropout"] = r.Dropout,
            },
            Metrics(r.Mse, i),
            Injection: r.Iteration is >= 8 and <= 11 or 14,
            Seconds: r.Seconds)).ToList();
        rows.Add(new IterationRow(21, "Failed", null, rows[0].Parameters, new Dictionary<string, double>(), false, 0.4));
        var study = new StudySummary(name, "gan", "val_mse")
        {
            Protocol = "holdout", DataSource = "embedded S&P 500 2000–2020", Target = "close", Seed = "42",
        };
        return new ReportModel(study, rows,
            [.. ParameterNames.Select(p => new ParameterAxis(p, p is "learning_rate" or "batch_size"))]);
    }

    public static Dictionary<string, double> Metrics(double mse, int i) => new()
    {
        ["val_mse"] = mse,
        ["test_mse"] = mse * 1.3,
        ["test_rmse"] = Math.Sqrt(mse * 1.3),
        ["test_mae"] = 0.8 * Math.Sqrt(mse * 1.3),
        ["test_r2"] = 1 - mse / 0.01,
        ["test_mse_price"] = mse * 1.3 * 1e6,
        ["test_rmse_price"] = Math.Sqrt(mse * 1.3) * 1e3,
        ["naive_test_mse"] = 0.0001,
        ["naive_test_mse_price"] = 100,
        ["test_u2"] = Math.Sqrt(mse * 1.3) / 0.01,
        ["cpu_percent"] = 30 + (i * 7 % 15),
        ["peak_memory_mb"] = 200 + 3 * i,
        ["train_seconds"] = 1 + i % 4,
    };

    public static PriceHistory Prices(int days = 400)
    {
        var random = new Random(7);
        var dates = new DateOnly[days];
        var closes = new double[days];
        var date = new DateOnly(2018, 1, 2);
        var close = 2700.0;
        for (var i = 0; i < days; i++)
        {
            dates[i] = date;
            closes[i] = close;
            date = date.AddDays(date.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
            close *= 1 + 0.0004 + 0.011 * (random.NextDouble() - 0.5);
        }

        var test = days * 4 / 5;
        var validation = test - test / 10;
        var train = closes[..test];
        return new PriceHistory("synthetic walk", "close", dates, closes,
            [new SeriesSegment("Train", 0, validation), new SeriesSegment("Validation", validation, test - validation), new SeriesSegment("Test", test, days - test)],
            new ScalerRange(train.Min(), train.Max(), "the training part"));
    }

    /// <summary>A lagging forecaster (a blend of the last close and a five-day mean) on the test part.</summary>
    public static TestForecast Forecast(PriceHistory prices)
    {
        var start = prices.Segments[^1].Start;
        var c = prices.Closes;
        var indices = Enumerable.Range(start, c.Count - start).ToList();
        return new TestForecast(
            [.. indices.Select(i => prices.Dates[i])],
            [.. indices.Select(i => c[i])],
            [.. indices.Select(i => 0.5 * c[i - 1] + 0.5 * Enumerable.Range(i - 5, 5).Average(j => c[j]) - 2)],
            [.. indices.Select(i => c[i - 1])]);
    }

    private sealed record PaperRow(int Iteration, int Layers, int Units, double LearningRate, int BatchSize, int SequenceLength, double Dropout, double Mse, double Seconds);

    private static List<PaperRow> AppendixB() =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "appendix_b.csv")).Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => new PaperRow((int)v[0], (int)v[1], (int)v[2], v[3], (int)v[4], (int)v[5], v[6], v[7], v[8]))];
}
