using GanTuner.Data;
using GanTuner.Data.Csv;
using GanTuner.Data.Yahoo;
using GanTuner.Storage;
using GanTuner.Studies.Data;

namespace GanTuner.Studies.Tune;

/// <summary>The price series a study runs on, with where it can be read again (the study's <c>data</c>
/// attribute) and how people call it.</summary>
/// <param name="Series">The validated prices.</param>
/// <param name="Location"><see cref="StudyAttributeKeys.EmbeddedData"/> or the absolute path of a CSV file.</param>
/// <param name="Label">The data's name for people: the series' source, or the Yahoo symbol.</param>
public sealed record TuneData(PriceSeries Series, string Location, string Label)
{
    /// <summary>Reads the data the options name. A Yahoo symbol is copied into the study folder on first use and
    /// read from that copy afterwards, so a study resumed on a later day keeps evaluating the same rows and the
    /// report can draw them.</summary>
    public static async Task<TuneData> LoadAsync(PriceSource source, string outDirectory, CancellationToken cancellationToken)
    {
        if (source.Series is { } given)
        {
            // Copied into the study folder, as a download is, so the report and predict can read the rows again.
            var copy = SymbolCopyPath(outDirectory, given.Source);
            YahooCsvWriter.WriteFileAtomically(given, copy);
            return new TuneData(given, copy, given.Source);
        }

        if (source.Symbol is { } symbol)
        {
            var copy = SymbolCopyPath(outDirectory, symbol);
            if (File.Exists(copy))
            {
                return new TuneData(PriceCsvReader.ReadFile(copy, source.Csv), copy, symbol);
            }

            var downloaded = await source.LoadAsync(cancellationToken).ConfigureAwait(false);
            YahooCsvWriter.WriteFileAtomically(downloaded, copy);
            return new TuneData(downloaded, copy, symbol);
        }

        var series = await source.LoadAsync(cancellationToken).ConfigureAwait(false);
        return source.DataFile is { } file
            ? new TuneData(series, Path.GetFullPath(file), series.Source)
            : new TuneData(series, StudyAttributeKeys.EmbeddedData, series.Source);
    }

    private static string SymbolCopyPath(string outDirectory, string symbol) =>
        Path.Combine(outDirectory, "data-" + string.Concat(symbol.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')) + ".csv");
}
