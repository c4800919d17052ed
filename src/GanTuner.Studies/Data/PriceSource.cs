using GanTuner.Data;
using GanTuner.Data.Csv;
using GanTuner.Data.Yahoo;

namespace GanTuner.Studies.Data;

/// <summary>Where a study's prices come from: a CSV file, a Yahoo Finance symbol (downloaded and cached for a
/// day), or, with neither, the embedded S&amp;P 500 2000-2020.</summary>
/// <param name="DataFile">A CSV of daily prices, or null.</param>
/// <param name="Symbol">A Yahoo Finance symbol, or null (at most one of the two is given).</param>
/// <param name="Csv">Which column is modelled, and the headers of files whose layout is not detected.</param>
/// <param name="YahooBaseUrl">Yahoo's base URL (null: <c>$GANTUNER_YAHOO_BASE_URL</c> or Yahoo's own).</param>
public sealed record PriceSource(string? DataFile, string? Symbol, CsvReadOptions Csv, string? YahooBaseUrl = null)
{
    /// <summary>The embedded S&amp;P 500 closes.</summary>
    public static PriceSource Embedded { get; } = new(null, null, new CsvReadOptions(PriceColumn.Close, null, null));

    /// <summary>A series already in memory (a study copies it into its folder, so it can be read again).</summary>
    public PriceSeries? Series { get; init; }

    /// <summary>Prices the caller has already read or built.</summary>
    public static PriceSource Of(PriceSeries series) => Embedded with { Series = series ?? throw new ArgumentNullException(nameof(series)) };

    /// <summary>A CSV file's closes (its layout detected from the header).</summary>
    public static PriceSource File(string path) => new(path, null, new CsvReadOptions(PriceColumn.Close, null, null));

    /// <summary>The validated series.</summary>
    /// <exception cref="PriceDataException">The file cannot be read as prices.</exception>
    /// <exception cref="YahooFinanceException">The download failed.</exception>
    public async Task<PriceSeries> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (Series is not null)
        {
            return Series;
        }

        if (Symbol is not null)
        {
            using var client = new YahooFinanceClient(YahooClientOptions.FromOptionOrEnvironment(YahooBaseUrl));
            var path = await SymbolCache.Default().GetAsync(Symbol, client, cancellationToken).ConfigureAwait(false);
            return PriceCsvReader.ReadFile(path, Csv);
        }

        return DataFile is null ? EmbeddedPriceData.LoadSp500(Csv) : PriceCsvReader.ReadFile(DataFile, Csv);
    }
}
