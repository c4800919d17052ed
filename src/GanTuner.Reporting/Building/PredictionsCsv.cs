using System.Globalization;
using GanTuner.Forecasting;
using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Building;

/// <summary>A trial's test-period forecasts as a small CSV, <c>date,actual,predicted,naive</c> in price units,
/// one row per test window in date order: what figure 12 and 13 draw when no model file can be loaded.</summary>
public static class PredictionsCsv
{
    public const string Header = PredictionsCsvWriter.Header;

    /// <summary>Writes the forecasts (replacing <paramref name="path"/> only once fully written).</summary>
    public static void Write(string path, PredictionSeries predictions) => PredictionsCsvWriter.Write(path, predictions);

    /// <exception cref="ReportException">The file is not in this format.</exception>
    public static TestForecast Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var lines = File.ReadAllLines(path);
        if (lines.Length < 2 || lines[0].Trim() != Header)
        {
            throw new ReportException($"{path}: not a predictions file (expected the header '{Header}' and at least one row)");
        }

        var dates = new List<DateOnly>();
        var actual = new List<double>();
        var predicted = new List<double>();
        var naive = new List<double>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != 4
                || !DateOnly.TryParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !TryNumber(cells[1], out var a) || !TryNumber(cells[2], out var p) || !TryNumber(cells[3], out var n))
            {
                throw new ReportException($"{path}: line {i + 1} is not 'date,actual,predicted,naive' with finite numbers");
            }

            dates.Add(date);
            actual.Add(a);
            predicted.Add(p);
            naive.Add(n);
        }

        return new TestForecast(dates, actual, predicted, naive);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
