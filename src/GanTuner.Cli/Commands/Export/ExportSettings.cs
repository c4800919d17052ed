using System.ComponentModel;
using GanTuner.Cli.Commands.Tuning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Export;

/// <summary>Options of <c>gantuner export</c>.</summary>
public sealed class ExportSettings : StudySettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("The output format: optuna (an SQLite file in Optuna 3.1's RDB schema).")]
    [DefaultValue("optuna")]
    public string Format { get; init; } = "optuna";

    [CommandOption("--out <FILE>")]
    [Description("The file to write (required); an existing file is refused unless --force.")]
    public string? Out { get; init; }

    [CommandOption("--force")]
    [Description("Replace --out if it exists.")]
    public bool Force { get; init; }

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }

        if (!string.Equals(Format, "optuna", StringComparison.OrdinalIgnoreCase))
        {
            return ValidationResult.Error($"--format '{Format}' is unknown; expected optuna");
        }

        return string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out FILE is required") : ValidationResult.Success();
    }
}
