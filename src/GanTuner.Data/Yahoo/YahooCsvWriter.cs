using System.Globalization;

namespace GanTuner.Data.Yahoo;

/// <summary>
/// Writes a series in Yahoo Finance's download format, which every reader of price files understands.
/// Missing values are written as <c>null</c>, as Yahoo does.
/// </summary>
public static class YahooCsvWriter
{
    public static void Write(PriceSeries series, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(writer);
        // Without an adjusted close the file keeps Yahoo's order but drops that column rather than invent it.
        writer.Write(series.AdjClose is null ? "Date,Open,High,Low,Close,Volume\n" : "Date,Open,High,Low,Close,Adj Close,Volume\n");
        for (var i = 0; i < series.Count; i++)
        {
            writer.Write(series.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Value(writer, series.Open, i);
            Value(writer, series.High, i);
            Value(writer, series.Low, i);
            Value(writer, series.Close, i);
            if (series.AdjClose is not null)
            {
                Value(writer, series.AdjClose, i);
            }

            Value(writer, series.Volume, i);
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes to a temporary file beside <paramref name="path"/> and renames it over the target, so the target
    /// is either the old file or the complete new one, never half written.
    /// </summary>
    public static void WriteFileAtomically(PriceSeries series, string path)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp))
            {
                Write(series, writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static void Value(TextWriter writer, double[]? values, int i)
    {
        writer.Write(',');
        var value = values is null ? double.NaN : values[i];
        writer.Write(double.IsNaN(value) ? "null" : value.ToString("R", CultureInfo.InvariantCulture));
    }
}
