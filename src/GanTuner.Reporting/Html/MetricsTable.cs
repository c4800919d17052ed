using GanTuner.Reporting.Model;
using GanTuner.Reporting.Text;

namespace GanTuner.Reporting.Html;

/// <summary>The best configuration's validation and test metrics, scaled and in price units, beside the
/// naive forecast's, with Theil's U2 and what it means.</summary>
internal static class MetricsTable
{
    public static void Write(Markup html, IterationRow best, string? protocol)
    {
        var metrics = new BestMetrics(best);
        // Under the paper protocols the objective split is the test split: its "val_" metrics repeat the test ones.
        var validation = protocol is not ("paper" or "paper-shuffled");
        var columns = BestMetrics.Columns
            .Where(c => validation || c.Split != MetricKeys.ValidationPrefix)
            .Where(c => BestMetrics.Rows.Any(r => metrics.Get(c.Split, r.Metric, c.Price, c.Naive) is not null))
            .ToList();
        if (columns.Count == 0)
        {
            html.Element("p", "The best trial recorded no validation or test metrics.");
        }
        else
        {
            html.Open("div", "table-wrap").Open("table").Open("thead").Open("tr").Element("th", "Metric");
            foreach (var column in columns)
            {
                html.Element("th", column.Header);
            }

            html.Close("tr").Close("thead").Open("tbody");
            foreach (var (label, metric) in BestMetrics.Rows)
            {
                html.Open("tr").Element("td", label);
                foreach (var c in columns)
                {
                    html.Element("td", NumberFormat.Optional(metrics.Get(c.Split, metric, c.Price, c.Naive)));
                }

                html.Close("tr");
            }

            html.Close("tbody").Close("table").Close("div");
        }

        if (metrics.TestU2() is { } u2)
        {
            var beats = u2 < 1;
            html.Open("p").Raw("Theil's U2 on the test period (model RMSE ÷ naive RMSE): <b>").Text(NumberFormat.Value(u2)).Raw("</b> — ")
                .Element("span", beats
                    ? $"the model beats the naive forecast (its RMSE is {NumberFormat.Value(100 * (1 - u2))} % lower)."
                    : "the model does not beat the naive forecast (tomorrow = today).", beats ? "verdict-good" : "verdict-bad")
                .Close("p");
        }
        else
        {
            html.Element("p", "Theil's U2 is not available: the trial recorded no naive-forecast error.");
        }
    }
}
