using System.Globalization;
using GanTuner.Reporting.Text;
using GanTuner.Storage;
using GanTuner.Studies.Tune;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>One finished trial as a fixed-width line (iteration, the six hyperparameters, objective, seconds,
/// notes), the same in the live display and in plain output so logs line up with what a terminal showed.</summary>
internal static class TrialRow
{
    private static readonly int[] Widths = [5, 7, 6, 14, 6, 5, 8, 11, 9];

    public static string Header(string objective) => Cells(
        ["iter", "layers", "units", "learning_rate", "batch", "seq", "dropout", objective, "seconds"], "notes");

    /// <param name="trial">A finished trial.</param>
    /// <param name="isBest">Whether it was the study's best when it finished.</param>
    public static string Format(TrialRecord trial, bool isBest)
    {
        var cells = new List<string> { Iteration(trial) };
        cells.AddRange(LstmParameters.Names.Select(name =>
            trial.Parameters.TryGetValue(name, out var v) && v.Number is { } n ? NumberFormat.Parameter(n) : v.ToString()));
        cells.Add(trial.Value is { } value ? NumberFormat.Value(value) : "-");
        cells.Add(trial.Duration is { } d ? d.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) : "-");
        return Cells(cells, Notes(trial, isBest));
    }

    /// <summary>The paper counts iterations from 1; the store numbers trials from 0.</summary>
    public static string Iteration(TrialRecord trial) => (trial.Number + 1).ToString(CultureInfo.InvariantCulture);

    public static bool Injected(TrialRecord trial) =>
        trial.Attributes.TryGetValue(StudyAttributeKeys.GanInjection, out var injection) && injection == "true";

    /// <summary>best, inj (the GAN's injection was active), retry of N, failed: reason.</summary>
    public static string Notes(TrialRecord trial, bool isBest)
    {
        var notes = new List<string>();
        if (isBest)
        {
            notes.Add("best");
        }

        if (Injected(trial))
        {
            notes.Add("inj");
        }

        if (trial.RetryOf is { } retried)
        {
            notes.Add($"retry of {(retried + 1).ToString(CultureInfo.InvariantCulture)}");
        }

        if (trial.State == TrialState.Failed && trial.Attributes.TryGetValue(TrialAttributeKeys.FailReason, out var reason))
        {
            notes.Add(trial.IsInterrupted ? "interrupted" : "failed: " + reason);
        }

        return string.Join(", ", notes);
    }

    private static string Cells(IReadOnlyList<string> cells, string notes)
    {
        var line = string.Concat(cells.Select((cell, i) => cell.PadLeft(Widths[i])));
        return notes.Length == 0 ? line : line + "  " + notes;
    }
}
