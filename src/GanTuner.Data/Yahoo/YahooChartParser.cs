using System.Text.Json;

namespace GanTuner.Data.Yahoo;

/// <summary>Turns a <c>/v8/finance/chart</c> answer into a <see cref="PriceSeries"/>.</summary>
internal static class YahooChartParser
{
    public static PriceSeries Parse(string json, string symbol, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var chart = document.RootElement.GetProperty("chart");
            if (chart.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                throw UnknownSymbol(symbol, error);
            }

            var results = chart.GetProperty("result");
            if (results.ValueKind != JsonValueKind.Array || results.GetArrayLength() == 0)
            {
                throw new YahooFinanceException($"Yahoo Finance returned no chart for '{symbol}'");
            }

            return ToSeries(results[0], symbol, source);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new YahooFinanceException($"Yahoo Finance sent a malformed chart answer for '{symbol}' ({e.Message})", e);
        }
    }

    public static YahooFinanceException UnknownSymbol(string symbol, JsonElement error)
    {
        var description = error.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
            ? d.GetString()
            : "no description";
        return new YahooFinanceException($"Yahoo Finance does not know the symbol '{symbol}' ({description})");
    }

    private static PriceSeries ToSeries(JsonElement result, string symbol, string source)
    {
        if (!result.TryGetProperty("timestamp", out var timestamps) || timestamps.ValueKind != JsonValueKind.Array)
        {
            throw new YahooFinanceException($"Yahoo Finance returned no daily bars for '{symbol}' in that date range");
        }

        // Timestamps mark the session open in UTC; the exchange's offset turns them into its trading dates.
        var offset = result.TryGetProperty("meta", out var meta) && meta.TryGetProperty("gmtoffset", out var g)
            ? g.GetInt64()
            : 0;
        var indicators = result.GetProperty("indicators");
        var quote = indicators.GetProperty("quote")[0];
        var open = Numbers(quote, "open");
        var high = Numbers(quote, "high");
        var low = Numbers(quote, "low");
        var close = Numbers(quote, "close") ?? throw new KeyNotFoundException("indicators.quote[0].close is missing");
        var volume = Numbers(quote, "volume");
        var adj = indicators.TryGetProperty("adjclose", out var a) && a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0
            ? Numbers(a[0], "adjclose")
            : null;

        // Keyed by date: Yahoo may repeat the current day's bar, and the later one is the more complete.
        var bars = new SortedDictionary<DateOnly, Bar>();
        var i = 0;
        foreach (var stamp in timestamps.EnumerateArray())
        {
            var c = At(close, i);
            var adjClose = At(adj, i);
            // A bar without a close (or without an adjusted close when Yahoo sends that column) is not a trading day.
            if (!double.IsNaN(c) && (adj is null || !double.IsNaN(adjClose)))
            {
                var date = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(stamp.GetInt64() + offset).UtcDateTime);
                bars[date] = new Bar(At(open, i), At(high, i), At(low, i), c, adjClose, At(volume, i));
            }

            i++;
        }

        if (bars.Count == 0)
        {
            throw new YahooFinanceException($"Yahoo Finance returned no daily bars with a close for '{symbol}'");
        }

        var rows = bars.Values;
        return new PriceSeries(
            source,
            [.. bars.Keys],
            [.. rows.Select(b => b.Close)],
            open is null ? null : [.. rows.Select(b => b.Open)],
            high is null ? null : [.. rows.Select(b => b.High)],
            low is null ? null : [.. rows.Select(b => b.Low)],
            adj is null ? null : [.. rows.Select(b => b.AdjClose)],
            volume is null ? null : [.. rows.Select(b => b.Volume)]);
    }

    private static double[]? Numbers(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var values = new double[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[i++] = item.ValueKind == JsonValueKind.Null ? double.NaN : item.GetDouble();
        }

        return values;
    }

    private static double At(double[]? values, int i) => values is not null && i < values.Length ? values[i] : double.NaN;

    private sealed record Bar(double Open, double High, double Low, double Close, double AdjClose, double Volume);
}
