namespace GanTuner.Data.Tests.Protocols;

internal static class RandomSeries
{
    /// <summary>A geometric random walk on consecutive days: realistic enough, and every value distinct.</summary>
    public static PriceSeries Walk(Random random, int rows)
    {
        var dates = new DateOnly[rows];
        var close = new double[rows];
        var price = 100.0;
        for (var i = 0; i < rows; i++)
        {
            dates[i] = new DateOnly(2000, 1, 1).AddDays(i);
            price *= Math.Exp((random.NextDouble() - 0.5) * 0.04);
            close[i] = price;
        }

        return new PriceSeries("random walk", dates, close);
    }

    public static PriceSeries WithClose(PriceSeries series, double[] close) => new(series.Source, series.Dates, close);
}
