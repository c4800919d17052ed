using ScottPlot;
using ScottPlot.TickGenerators;

namespace GanTuner.Reporting.Figures;

/// <summary>Labels an axis with a categorical parameter's choices at their indices.</summary>
internal static class ChoiceAxis
{
    public static void Apply(IAxis axis, IReadOnlyList<string> choices)
    {
        var ticks = new NumericManual();
        for (var i = 0; i < choices.Count; i++)
        {
            ticks.AddMajor(i, choices[i]);
        }

        axis.TickGenerator = ticks;
    }
}
