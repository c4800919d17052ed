using System.Globalization;
using GanTuner.Cli.Commands.Tune;
using GanTuner.Studies.Tune;
using GanTuner.Reporting.Text;
using GanTuner.Storage;
using GanTuner.Tuning.Comparison;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>One finished trial of a comparison as a line of the log: which run, its value and time, its configuration.</summary>
internal static class CompareTrialLine
{
    public static string Format(ComparisonRun run, TrialRecord trial, string valueName, int done, int total)
    {
        var width = total.ToString(CultureInfo.InvariantCulture).Length;
        var value = trial.Value is { } v ? NumberFormat.Value(v) : "-";
        var seconds = trial.Metrics.TryGetValue(ComparisonMetricKeys.WallSeconds, out var s) ? s : trial.Duration?.TotalSeconds ?? 0;
        var configuration = string.Join(", ", LstmParameters.Names.Where(trial.Parameters.ContainsKey).Select(name =>
            $"{name} {(trial.Parameters[name].Number is { } n ? NumberFormat.Parameter(n) : trial.Parameters[name].ToString())}"));
        var notes = TrialRow.Notes(trial, isBest: false);
        if (trial.Metrics.GetValueOrDefault(ComparisonMetricKeys.Reused) == 1)
        {
            notes = notes.Length == 0 ? "reused" : "reused, " + notes;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"[{done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{total}] {run.Tuner} seed {run.Seed} trial {TrialRow.Iteration(trial)}: {valueName} {value} in {seconds:F1} s; {configuration}{(notes.Length > 0 ? $" ({notes})" : "")}");
    }
}
