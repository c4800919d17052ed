using System.Globalization;
using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Html;

/// <summary>The paper's Appendix A as a short table: one row per generator pathway with its layer sizes.</summary>
internal static class GeneratorTable
{
    public static void Write(Markup html, IReadOnlyList<GeneratorPathway> pathways)
    {
        html.Open("div", "table-wrap").Open("table").Open("thead").Open("tr")
            .Element("th", "Pathway").Element("th", "Inputs", "text").Element("th", "Layer sizes", "text")
            .Element("th", "Activations", "text").Element("th", "Output becomes", "text").Close("tr").Close("thead").Open("tbody");
        foreach (var pathway in pathways)
        {
            html.Open("tr").Element("td", pathway.Hyperparameter).Element("td", pathway.Inputs, "text")
                .Element("td", string.Join(" → ", pathway.Sizes.Select(s => s.ToString(CultureInfo.InvariantCulture))), "text")
                .Element("td", string.Join(", ", pathway.Activations), "text")
                .Element("td", pathway.Output, "text").Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }
}
