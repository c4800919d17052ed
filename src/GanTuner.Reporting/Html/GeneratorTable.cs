using System.Globalization;
using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Html;

/// <summary>The paper's Appendix A as a table: the GAN generator's pathways and layer sizes.</summary>
internal static class GeneratorTable
{
    public static void Write(Markup html, IReadOnlyList<GeneratorLayer> layers)
    {
        html.Open("div", "table-wrap").Open("table").Open("thead").Open("tr")
            .Element("th", "Pathway").Element("th", "Layer", "text").Element("th", "Inputs").Element("th", "Outputs")
            .Element("th", "Activation", "text").Close("tr").Close("thead").Open("tbody");
        foreach (var layer in layers)
        {
            html.Open("tr").Element("td", layer.Pathway).Element("td", layer.Layer, "text")
                .Element("td", layer.Inputs.ToString(CultureInfo.InvariantCulture))
                .Element("td", layer.Outputs.ToString(CultureInfo.InvariantCulture))
                .Element("td", layer.Activation, "text").Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }
}
