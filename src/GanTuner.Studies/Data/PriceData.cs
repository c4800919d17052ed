using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Data.Yahoo;

namespace GanTuner.Studies.Data;

/// <summary>Price data as a front end meets it: a series and its windows under a protocol, or a download.</summary>
public static class PriceData
{
    /// <summary>The series and how the protocol splits it into windows of <paramref name="sequenceLength"/> days.</summary>
    public static async Task<ForecastDataset> InspectAsync(
        PriceSource source, int sequenceLength, Training.TrainingSettings training, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(training);
        var series = await source.LoadAsync(cancellationToken).ConfigureAwait(false);
        return ForecastDataset.Build(series, training.Spec(source, sequenceLength));
    }

    /// <summary>Downloads daily bars into a Yahoo-format CSV, replacing <paramref name="outFile"/> only once the whole download succeeded.</summary>
    public static async Task<PriceSeries> FetchAsync(
        string symbol, string outFile, DateOnly? from, DateOnly? to, string? yahooBaseUrl, CancellationToken cancellationToken = default)
    {
        using var client = new YahooFinanceClient(YahooClientOptions.FromOptionOrEnvironment(yahooBaseUrl));
        return await client.DownloadAsync(symbol, outFile, from, to, cancellationToken).ConfigureAwait(false);
    }
}
