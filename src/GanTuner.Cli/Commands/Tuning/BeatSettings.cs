using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary>Options of <c>gantuner beat</c>: which trial to keep alive.</summary>
public sealed class BeatSettings : StudySettings
{
    [CommandOption("--trial <N>")]
    [Description("The trial number that ask printed (required).")]
    public int? Trial { get; init; }

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }

        return Trial is null or < 0 ? ValidationResult.Error("--trial N is required (the number ask printed)") : ValidationResult.Success();
    }
}
