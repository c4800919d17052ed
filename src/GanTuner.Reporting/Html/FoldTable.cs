using GanTuner.Forecasting;
using GanTuner.Reporting.Model;
using GanTuner.Reporting.Text;

namespace GanTuner.Reporting.Html;

/// <summary>Walk-forward: the best trial's figures fold by fold, and which model the test figures are of.</summary>
internal static class FoldTable
{
    public static void Write(Markup html, IterationRow best)
    {
        var folds = FoldFigures.Read(best.Metrics);
        if (folds.Count == 0)
        {
            return;
        }

        html.Element("h3", "Its walk-forward folds");
        html.Element("p", $"The objective is the mean validation MSE of the {folds.Count} folds (each in its own scaler's units); "
            + "the test figures are those of the last fold's model, the one kept.");
        html.Open("div", "table-wrap").Open("table").Open("thead").Open("tr");
        foreach (var header in new[] { "Fold", "Training windows", "Validation MSE", "Validation U2", "Epochs run", "Epoch kept" })
        {
            html.Element("th", header);
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var f in folds)
        {
            html.Open("tr");
            html.Element("td", NumberFormat.Optional(f.Fold));
            html.Element("td", NumberFormat.Optional(f.TrainWindows));
            html.Element("td", NumberFormat.Optional(f.ValidationMse));
            html.Element("td", NumberFormat.Optional(f.ValidationU2));
            html.Element("td", NumberFormat.Optional(f.EpochsRun));
            html.Element("td", NumberFormat.Optional(f.KeptEpoch));
            html.Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }
}
