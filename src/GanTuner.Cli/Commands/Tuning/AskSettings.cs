using System.ComponentModel;
using GanTuner.Tuning;
using GanTuner.Studies.AskTell;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary>Options of <c>gantuner ask</c>. The study's definition options apply when it is created; for an
/// existing study they may be left out, and when given they must match what is stored.</summary>
public sealed class AskSettings : StudySettings
{
    public const string DefaultTuner = AskRequest.DefaultTuner;

    [CommandOption("--tuner <NAME>")]
    [Description("Tuner for a new study: random, grid, tpe, tpe-univariate, ga, gan… (default: tpe).")]
    public string? Tuner { get; init; }

    [CommandOption("--space <FILE>")]
    [Description("Search space JSON for a new study (default: the paper's Table 1).")]
    public string? Space { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed for a new study (default: 0).")]
    public int? Seed { get; init; }

    [CommandOption("--heartbeat <SECONDS>")]
    [Description("Let the asked trial go stale (and be retried) if it is neither told nor renewed with `gantuner beat` within 3 × SECONDS. Default: it waits for its tell.")]
    public double? Heartbeat { get; init; }

    [CommandOption("--option <KEY=VALUE>")]
    [Description("Tuner setting, repeatable (e.g. tpe.startup=20, grid.points=4).")]
    public string[] Options { get; init; } = [];

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }

        if (Heartbeat is { } beat && (!double.IsFinite(beat) || beat <= 0))
        {
            return ValidationResult.Error("--heartbeat must be a positive number of seconds");
        }

        return Tuner is not null && !TunerFactory.Names.Contains(Tuner)
            ? ValidationResult.Error($"unknown tuner '{Tuner}'; expected one of {string.Join(", ", TunerFactory.Names)}")
            : ValidationResult.Success();
    }
}
