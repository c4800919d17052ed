using GanTuner.Forecasting.Skill;
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
            var dm = metrics.TestNaiveDmP();
            var beats = ForecastVerdict.Beats(u2, dm);
            var consequence = beats ? $" (its RMSE is {NumberFormat.Value(100 * (1 - u2))} % lower)." : u2 < 1 ? ": no skill shown." : ".";
            html.Open("p").Raw("Theil's U2 on the test period (model RMSE ÷ naive RMSE): <b>").Text(NumberFormat.Value(u2)).Raw("</b> — ")
                .Element("span", $"the model {ForecastVerdict.Verb(u2, dm)} the naive forecast (tomorrow = today){consequence}", beats ? "verdict-good" : "verdict-bad")
                .Close("p");
        }
        else
        {
            html.Element("p", "Theil's U2 is not available: the trial recorded no naive-forecast error.");
        }

        WriteSkill(html, best);
    }

    // The linear AR(p) baseline beside naive, the tests of skill, and the verdict against the stronger baseline.
    private static void WriteSkill(Markup html, IterationRow best)
    {
        if (best.Metric("test_u2_ar") is not { } vsAr || best.Metric("test_ar_u2") is not { } arU2 || best.Metric(MetricKeys.TestU2) is not { } u2)
        {
            return;
        }

        var lags = best.Metric("ar_lags") is { } p ? NumberFormat.Parameter(p) : "p";
        string Figure(string key) => NumberFormat.Optional(best.Metric(key));
        html.Element("p",
            $"Linear AR({lags}) baseline (ridge least squares on the training windows, order chosen on validation): test U2 {NumberFormat.Value(arU2)}; "
            + $"model RMSE ÷ AR RMSE {NumberFormat.Value(vsAr)}. MASE: model {Figure("test_mase")}, naive {Figure("naive_test_mase")}, AR {Figure("test_ar_mase")}. "
            + $"Direction called right {Figure("test_da")} of the time (Pesaran–Timmermann p {Figure("test_pt_p")}). "
            + $"Diebold–Mariano (HLN, squared error, two-sided) p vs naive {Figure(MetricKeys.TestDmNaiveP)}, vs AR {Figure("test_dm_ar_p")}.");
        var arStronger = arU2 < 1;
        var ratio = arStronger ? vsAr : u2;
        var dm = best.Metric(arStronger ? "test_dm_ar_p" : MetricKeys.TestDmNaiveP) ?? double.NaN;
        var beats = ForecastVerdict.Beats(ratio, dm);
        var baseline = arStronger ? $"the linear AR({lags}) baseline" : "the naive forecast";
        var significance = double.IsFinite(dm) ? $" (RMSE ratio {NumberFormat.Value(ratio)}, Diebold–Mariano p = {NumberFormat.Value(dm)})" : $" (RMSE ratio {NumberFormat.Value(ratio)})";
        html.Open("p").Raw("Against the stronger baseline, ").Text(baseline).Raw(": ")
            .Element("span", $"the model {ForecastVerdict.Verb(ratio, dm)} it{significance}.", beats ? "verdict-good" : "verdict-bad")
            .Close("p");
    }
}
