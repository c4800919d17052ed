using GanTuner.Reporting.Model;
using GanTuner.Reporting.Text;

namespace GanTuner.Reporting.Html;

/// <summary>The paper's Appendix B: every trial's hyperparameters, objective and time, the best row marked.</summary>
internal static class TrialTable
{
    public static void Write(Markup html, ReportModel model)
    {
        var objective = model.Study.Objective;
        var testMse = MetricKeys.Key(MetricKeys.TestPrefix, MetricKeys.Mse);
        var showTest = objective != testMse && model.Iterations.Any(r => r.Metric(testMse) is not null);
        var best = model.Best;

        html.Open("div", "table-wrap").Open("table").Open("thead").Open("tr").Element("th", "Iteration");
        foreach (var parameter in model.Parameters)
        {
            html.Element("th", parameter.Name);
        }

        html.Element("th", objective);
        if (showTest)
        {
            html.Element("th", testMse);
        }

        html.Element("th", "Time (s)").Close("tr").Close("thead").Open("tbody");
        foreach (var row in model.Iterations)
        {
            var isBest = ReferenceEquals(row, best);
            html.Open("tr", isBest ? "best" : row.Value is null ? "failed" : null);
            // The marks sit beside the trial number: a separate notes column pushed the table past a laptop's width.
            html.Open("td").Text(row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (isBest)
            {
                html.Element("span", "best", "badge best");
            }

            if (row.Injection)
            {
                html.Element("span", "injection", "badge injection");
            }

            if (row.Value is null)
            {
                html.Element("span", row.State.ToLowerInvariant(), "badge failed");
            }

            html.Close("td");
            foreach (var parameter in model.Parameters)
            {
                html.Element("td", row.Parameters.TryGetValue(parameter.Name, out var v) ? parameter.Format(v) : "—");
            }

            html.Element("td", NumberFormat.Optional(row.Value));
            if (showTest)
            {
                html.Element("td", NumberFormat.Optional(row.Metric(testMse)));
            }

            html.Element("td", NumberFormat.Optional(row.Seconds ?? row.Metric(MetricKeys.TrainSeconds)));
            html.Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }
}
