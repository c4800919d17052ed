namespace GanTuner.Data.Csv;

/// <summary>Where each known column sits in a file's header.</summary>
internal sealed record ColumnLayout(
    string[] Names,
    string Format,
    int Date,
    int Close,
    int? AdjClose,
    int? Open,
    int? High,
    int? Low,
    int? Volume)
{
    public static ColumnLayout Detect(string[] header, CsvReadOptions options, string source)
    {
        var names = header.Select(h => h.Trim()).ToArray();
        if (options.DateColumn is not null || options.ValueColumn is not null)
        {
            var date = options.DateColumn is null ? Known(names, "date", source) : Named(names, options.DateColumn, source);
            var value = options.ValueColumn is null
                ? Known(names, options.Column == PriceColumn.AdjClose ? "adjclose" : "close", source)
                : Named(names, options.ValueColumn, source);
            return new ColumnLayout(names, "named columns", date, value, null, null, null, null, null);
        }

        var format = Normalised(names) switch
        {
            "date,open,high,low,close,adjclose,volume" when names[5] == "Adj Close" => "Yahoo",
            "date,open,high,low,close,adjclose,volume" => "lower-case",
            "date,open,high,low,close,volume" => "Stooq",
            _ => "detected",
        };
        var adj = Find(names, "adjclose");
        if (options.Column == PriceColumn.AdjClose && adj is null)
        {
            throw new PriceDataException($"{source}, line 1: missing column 'Adj Close' (found: {string.Join(", ", names)})");
        }

        return new ColumnLayout(
            names,
            format,
            Known(names, "date", source),
            Known(names, "close", source),
            adj,
            Find(names, "open"),
            Find(names, "high"),
            Find(names, "low"),
            Find(names, "volume"));
    }

    public string Describe(string source) =>
        Format == "named columns" ? $"{source} (columns {Names[Date]}, {Names[Close]})" : $"{source} ({Format} layout)";

    private static string Normalised(string[] names) => string.Join(',', names.Select(Key));

    // "Adj Close", "adj_close" and "adjclose" are one column.
    private static string Key(string name) =>
        new([.. name.Where(c => c is not (' ' or '_' or '-')).Select(char.ToLowerInvariant)]);

    private static int? Find(string[] names, string key)
    {
        var index = Array.FindIndex(names, n => Key(n) == key);
        return index < 0 ? null : index;
    }

    private static int Known(string[] names, string key, string source) =>
        Find(names, key) ?? throw Missing(names, key, source, " (name the columns with --date-column and --value-column)");

    private static int Named(string[] names, string name, string source)
    {
        var index = Array.FindIndex(names, n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw Missing(names, name, source, string.Empty);
    }

    private static PriceDataException Missing(string[] names, string column, string source, string hint) =>
        new($"{source}, line 1: missing column '{column}' (found: {string.Join(", ", names)}){hint}");
}
