using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary>Options of <c>gantuner studies</c>.</summary>
public sealed class StudiesSettings : CommandSettings
{
    [CommandOption("--storage <FILE>")]
    [Description("Where the studies are kept: a SQLite file, or sqlite:///PATH.")]
    [DefaultValue(StudySettings.DefaultStorage)]
    public string Storage { get; init; } = StudySettings.DefaultStorage;

    [CommandOption("--json")]
    [Description("Print one JSON array, one object per study (name, tuner, seed, trial counts by state, best_value, best_trial, created).")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Storage) ? ValidationResult.Error("--storage needs a file name") : ValidationResult.Success();
}
