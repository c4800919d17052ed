using GanTuner.Dashboard.Views;

namespace GanTuner.Dashboard.Charts;

/// <summary>Horizontal bars of each hyperparameter's share of the importance, largest on top, with the method named.</summary>
internal static class ImportanceChart
{
    public static string Render(StudySnapshot snapshot)
    {
        var importance = snapshot.Importance;
        var rows = Math.Max(1, importance.Shares.Count);
        var svg = new Svg(900, 50 + (rows * 26), "Hyperparameter importance by " + importance.Method);
        svg.Text(10, 16, "Method: " + importance.Method, fill: Palette.Muted);
        if (importance.Shares.Count == 0)
        {
            return HistoryChart.Empty(svg, "Importance " + (importance.Note ?? "is not available"));
        }

        const double left = 170, right = 820;
        for (var i = 0; i < importance.Shares.Count; i++)
        {
            var (name, share) = importance.Shares[i];
            var y = 34 + (i * 26);
            svg.Text(left - 8, y + 14, name, "end");
            svg.Rect(left, y + 2, (right - left) * share, 18, Palette.Value, 0.85, $"{name}: {share:P1}");
            svg.Text(left + ((right - left) * share) + 6, y + 15, share.ToString("P1", System.Globalization.CultureInfo.InvariantCulture));
        }

        return svg.ToString();
    }
}
