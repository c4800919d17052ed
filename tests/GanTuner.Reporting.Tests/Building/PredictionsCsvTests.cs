using GanTuner.Forecasting;
using GanTuner.Reporting.Building;

namespace GanTuner.Reporting.Tests.Building;

public sealed class PredictionsCsvTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "gantuner-predictions-" + Guid.NewGuid().ToString("N"), "p.csv");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

    [Fact]
    public void Predictions_round_trip_exactly_in_date_order()
    {
        var series = new PredictionSeries([new(2020, 1, 3), new(2020, 1, 2)], [101.25, 100.5], [0.1 + 0.2, 99.0], [100.5, 99.75]);

        PredictionsCsv.Write(path, series);
        var read = PredictionsCsv.Read(path);

        Assert.Equal([new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 3)], read.Dates);
        Assert.Equal([100.5, 101.25], read.Actual);
        Assert.Equal([99.0, 0.1 + 0.2], read.Predicted);
        Assert.Equal([99.75, 100.5], read.Naive);
        Assert.StartsWith("date,actual,predicted,naive\n2020-01-02,100.5,99,99.75\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_predictions_file_is_a_report_error_naming_the_line()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "date,actual,predicted,naive\n2020-01-02,1,2,3\n2020-01-03,1,x,3\n");

        var error = Assert.Throws<ReportException>(() => PredictionsCsv.Read(path));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }
}
