using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary>Options of <c>gantuner tell</c>: which trial, and either its value or that it failed.</summary>
public sealed class TellSettings : StudySettings
{
    [CommandOption("--trial <N>")]
    [Description("The trial number that ask printed (required).")]
    public int? Trial { get; init; }

    [CommandOption("--value <V>")]
    [Description("The trial's value (lower is better).")]
    public double? Value { get; init; }

    [CommandOption("--failed")]
    [Description("The trial could not be evaluated; it is not proposed again.")]
    public bool Failed { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Why it failed (with --failed).")]
    public string? Reason { get; init; }

    [CommandOption("--metric <NAME=VALUE>")]
    [Description("Another number worth keeping with the trial, repeatable (e.g. test_mse=0.0012).")]
    public string[] Metrics { get; init; } = [];

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }

        if (Trial is null or < 0)
        {
            return ValidationResult.Error("--trial N is required (the number that ask printed)");
        }

        if ((Value is null) == !Failed)
        {
            return ValidationResult.Error("give exactly one of --value V and --failed");
        }

        if (Reason is not null && !Failed)
        {
            return ValidationResult.Error("--reason goes with --failed");
        }

        if (Reason is not null && string.IsNullOrWhiteSpace(Reason))
        {
            return ValidationResult.Error("--reason needs some text (or leave it out)");
        }

        var bad = Metrics.FirstOrDefault(m => ParseMetric(m) is null);
        if (bad is not null)
        {
            return ValidationResult.Error($"--metric '{bad}' is not of the form name=number");
        }

        var twice = Metrics.Select(m => ParseMetric(m)!.Value.Key).GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null
            ? ValidationResult.Success()
            : ValidationResult.Error($"--metric '{twice.Key}' is given more than once");
    }

    public IReadOnlyDictionary<string, double> ParsedMetrics() =>
        Metrics.Select(m => ParseMetric(m)!.Value).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static KeyValuePair<string, double>? ParseMetric(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && !string.IsNullOrWhiteSpace(text[..equals]) && double.TryParse(text[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new KeyValuePair<string, double>(text[..equals].Trim(), value)
            : null;
    }
}
