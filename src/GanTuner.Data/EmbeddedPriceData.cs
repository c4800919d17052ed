using GanTuner.Data.Csv;

namespace GanTuner.Data;

/// <summary>The data set compiled into the program, so every command works offline with no arguments.</summary>
public static class EmbeddedPriceData
{
    private const string ResourceName = "GanTuner.Data.sp500_2000_2020_daily.csv";

    /// <summary>How the embedded set is named in messages and reports.</summary>
    public const string Sp500Source = "embedded S&P 500 2000-2020 (vega-datasets 3.2.1)";

    /// <summary>S&amp;P 500 daily bars, 2000-01-03 to 2020-04-17 (5,105 rows).</summary>
    public static PriceSeries LoadSp500(CsvReadOptions? options = null)
    {
        using var stream = typeof(EmbeddedPriceData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return PriceCsvReader.Read(reader, Sp500Source, options);
    }
}
