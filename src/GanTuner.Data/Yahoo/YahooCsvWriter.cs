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
    /// <exception cref="PriceDataException">The file cannot be written there (a folder of that name, a parent
    /// that is a file, no permission, a full disk); the message names the path.</exception>
    public static void WriteFileAtomically(PriceSeries series, string path)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new PriceDataException($"cannot write {path}: it is a folder; give a file name");
        }

        var directory = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var writer = new StreamWriter(temp))
            {
                Write(series, writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteIfThere(temp);
            throw new PriceDataException($"cannot write {path} ({e.Message})", e);
        }
        catch
        {
            DeleteIfThere(temp);
            throw;
        }
    }

    // File.Delete throws when the folder itself is missing, which would hide the error that matters.
    private static void DeleteIfThere(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static void Value(TextWriter writer, double[]? values, int i)
    {
        writer.Write(',');
        var value = values is null ? double.NaN : values[i];
        writer.Write(double.IsNaN(value) ? "null" : value.ToString("R", CultureInfo.InvariantCulture));
    }
}
