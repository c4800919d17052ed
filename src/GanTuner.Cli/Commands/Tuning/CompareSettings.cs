using System.ComponentModel;
using GanTuner.Tuning;
using GanTuner.Tuning.Objectives;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary>Options of <c>gantuner compare</c>.</summary>
public sealed class CompareSettings : CommandSettings
{
    public const string DefaultTuners = "random,grid,tpe,tpe-univariate,ga";

    [CommandOption("--objective <NAME>")]
    [Description("What to minimise: hartmann6 or branin.")]
    [DefaultValue("hartmann6")]
    public string Objective { get; init; } = "hartmann6";

    [CommandOption("--tuners <LIST>")]
    [Description("Comma-separated tuners to compare.")]
    [DefaultValue(DefaultTuners)]
    public string Tuners { get; init; } = DefaultTuners;

    [CommandOption("--budget <N>")]
    [Description("Evaluations per run.")]
    [DefaultValue(50)]
    public int Budget { get; init; } = 50;

    [CommandOption("--seeds <N>")]
    [Description("Runs per tuner, with seeds --seed, --seed + 1, …")]
    [DefaultValue(30)]
    public int Seeds { get; init; } = 30;

    [CommandOption("--seed <N>")]
    [Description("The first run's seed.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--storage <FILE>")]
    [Description("Keep every run as a study in this SQLite file (and resume from it); by default runs are kept in memory.")]
    public string? Storage { get; init; }

    [CommandOption("--option <KEY=VALUE>")]
    [Description("Tuner setting, repeatable; each tuner reads its own prefix (tpe.startup=20, ga.population=20).")]
    public string[] Options { get; init; } = [];

    [CommandOption("--parallel <N>")]
    [Description("Runs at once (default: one per core). Results do not depend on it.")]
    public int? Parallel { get; init; }

    public IReadOnlyList<string> TunerList =>
        Tuners.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override ValidationResult Validate()
    {
        if (SyntheticObjective.Find(Objective) is null)
        {
            return ValidationResult.Error(
                $"unknown objective '{Objective}'; expected one of {string.Join(", ", SyntheticObjective.All.Select(o => o.Name))}");
        }

        var unknown = TunerList.FirstOrDefault(t => !TunerFactory.Names.Contains(t));
        if (TunerList.Count == 0 || unknown is not null)
        {
            return ValidationResult.Error(
                $"unknown tuner '{unknown}'; expected a comma-separated list of {string.Join(", ", TunerFactory.Names)}");
        }

        if (TunerList.Distinct().Count() != TunerList.Count)
        {
            return ValidationResult.Error("--tuners names a tuner twice");
        }

        if (Budget < 1 || Seeds < 1)
        {
            return ValidationResult.Error("--budget and --seeds must be at least 1");
        }

        return Parallel is < 1 ? ValidationResult.Error("--parallel must be at least 1") : ValidationResult.Success();
    }
}
