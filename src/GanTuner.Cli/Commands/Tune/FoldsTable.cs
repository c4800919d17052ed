using System.Globalization;
using GanTuner.Forecasting;
using GanTuner.Reporting.Text;
using Spectre.Console;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>Walk-forward's figures fold by fold, as <c>trial</c> and <c>tune</c>'s summary print them.</summary>
internal static class FoldsTable
{
    /// <param name="folds">The folds, earliest first.</param>
    /// <param name="title">The table's title.</param>
    /// <param name="validationDays">Each fold's validation target days, when known (a stored trial keeps no dates).</param>
    public static Table Of(IReadOnlyList<FoldFigures> folds, string title, IReadOnlyList<string>? validationDays = null)
    {
        ArgumentNullException.ThrowIfNull(folds);
        var table = new Table().Border(TableBorder.Rounded).Title(title)
            .AddColumn(new TableColumn("Fold").RightAligned())
            .AddColumn(new TableColumn("Training windows").RightAligned());
        if (validationDays is not null)
        {
            table.AddColumn("Validation days");
        }

        table.AddColumn(new TableColumn("Validation MSE").RightAligned())
            .AddColumn(new TableColumn("Validation U2").RightAligned())
            .AddColumn(new TableColumn("Epochs run / kept").RightAligned());
        for (var k = 0; k < folds.Count; k++)
        {
            var f = folds[k];
            var cells = new List<string> { f.Fold.ToString(CultureInfo.InvariantCulture), NumberFormat.Optional(f.TrainWindows) };
            if (validationDays is not null)
            {
                cells.Add(validationDays[k]);
            }

            cells.Add(NumberFormat.Optional(f.ValidationMse));
            cells.Add(NumberFormat.Optional(f.ValidationU2));
            cells.Add($"{NumberFormat.Optional(f.EpochsRun)} / {NumberFormat.Optional(f.KeptEpoch)}");
            table.AddRow([.. cells.Select(c => Markup.Escape(c))]);
        }

        return table;
    }
}
