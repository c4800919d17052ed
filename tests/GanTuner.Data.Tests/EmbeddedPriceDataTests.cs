using GanTuner.Data.Protocols;

namespace GanTuner.Data.Tests;

public sealed class EmbeddedPriceDataTests
{
    [Fact]
    public void Embedded_sp500_loads_every_row()
    {
        var series = EmbeddedPriceData.LoadSp500();

        Assert.Equal(5105, series.Count);
        Assert.Equal(new DateOnly(2000, 1, 3), series.FirstDate);
        Assert.Equal(new DateOnly(2020, 4, 17), series.LastDate);
        Assert.Equal(1455.219971, series.Close[0]);
        Assert.NotNull(series.AdjClose);
        Assert.StartsWith("embedded S&P 500", series.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_sp500_builds_the_default_holdout_dataset()
    {
        var data = ForecastDataset.Build(EmbeddedPriceData.LoadSp500(), new DatasetSpec(30));

        // 5105 rows: train part int(5105 * 0.8) = 4084, of which the last 408 validate.
        Assert.Equal(4084 - 408 - 30, data.Train.Count);
        Assert.Equal(408, data.Validation.Count);
        Assert.Equal(5105 - 4084, data.Test.Count);
    }
}
