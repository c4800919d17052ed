using System.ComponentModel;
using GanTuner.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Report;

/// <summary>The options of <c>gantuner report</c>.</summary>
public sealed class ReportSettings : CommandSettings
{
    [CommandOption("--study <NAME>")]
    [Description("The study to report on.")]
    public string? Study { get; init; }

    [CommandOption("--storage <FILE>")]
    [Description("Where the studies are kept: a SQLite file, or sqlite:///PATH.")]
    [DefaultValue("gantuner.db")]
    public string Storage { get; init; } = "gantuner.db";

    [CommandOption("--out <DIR>")]
    [Description("Where report.html and figures/ go. Default: <study folder>/report, the study folder being ./gantuner-out/<study>/ unless tune was given --out.")]
    public string? Out { get; init; }

    [CommandOption("--compare <NAMES>")]
    [Description("Comma-separated studies (same data and protocol) whose best-so-far curves join this one's on a chart.")]
    public string? Compare { get; init; }

    public IReadOnlyList<string> CompareNames =>
        Compare is null ? [] : [.. Compare.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Study))
        {
            return ValidationResult.Error("report needs --study NAME");
        }

        if (string.IsNullOrWhiteSpace(Storage) || (StudyStores.SqlitePath(Storage) is { } file && !File.Exists(file)))
        {
            return ValidationResult.Error($"no study store at '{Storage}' (give --storage FILE)");
        }

        if (Compare is not null && CompareNames.Count == 0)
        {
            return ValidationResult.Error("--compare needs study names separated by commas");
        }

        return Out is not null && string.IsNullOrWhiteSpace(Out)
            ? ValidationResult.Error("--out needs a folder")
            : ValidationResult.Success();
    }
}
