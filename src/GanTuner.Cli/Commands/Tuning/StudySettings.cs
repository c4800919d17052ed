using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary>The options every study command shares: which study, in which storage file.</summary>
public class StudySettings : CommandSettings
{
    /// <summary>The storage file used when none is given: in the current folder.</summary>
    public const string DefaultStorage = "gantuner.db";

    [CommandOption("--study <NAME>")]
    [Description("The study's name (required).")]
    public string? Study { get; init; }

    [CommandOption("--storage <FILE>")]
    [Description("Where the studies are kept: a SQLite file, or sqlite:///PATH.")]
    [DefaultValue(DefaultStorage)]
    public string Storage { get; init; } = DefaultStorage;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Study))
        {
            return ValidationResult.Error("--study NAME is required");
        }

        return string.IsNullOrWhiteSpace(Storage) ? ValidationResult.Error("--storage needs a file name") : ValidationResult.Success();
    }
}
