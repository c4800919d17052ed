using System.ComponentModel;
using GanTuner.Cli.Commands.Data;
using GanTuner.Studies.Compare;
using GanTuner.Studies.Data;
using GanTuner.Tuning;
using GanTuner.Tuning.Objectives;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>Options of <c>gantuner compare</c>: the objective (a synthetic function, or the LSTM on the data
/// options), the tuners and their equal budgets, the seeds, and where the studies and the summary go.</summary>
public sealed class CompareSettings : DataSettings
{
    public const string Lstm = CompareRequest.Lstm;
    public const string DefaultTuners = "gan,random,grid,tpe,ga";
    public const string DefaultLstmStorage = "gantuner.db";
    public const int DefaultEpochs = CompareRequest.DefaultEpochs;

    [CommandOption("--objective <NAME>")]
    [Description("What to minimise: lstm (train the LSTM on the data options; the tuning objective of the protocol), hartmann6 or branin.")]
    [DefaultValue("hartmann6")]
    public string Objective { get; init; } = "hartmann6";

    [CommandOption("--tuners <LIST>")]
    [Description("Comma-separated tuners to compare: gan, random, grid, tpe, tpe-univariate, ga, and the GAN ablations gan-no-injection, gan-no-diversity, gan-no-feedback.")]
    [DefaultValue(DefaultTuners)]
    public string Tuners { get; init; } = DefaultTuners;

    [CommandOption("--budget <N>")]
    [Description("Evaluations per run (default: 20 for lstm, 50 for the synthetic functions).")]
    public int? Budget { get; init; }

    [CommandOption("--seeds <N>")]
    [Description("Runs per tuner, with seeds --seed, --seed + 1, … (default: 5 for lstm, 30 for the synthetic functions).")]
    public int? Seeds { get; init; }

    [CommandOption("--seed <N>")]
    [Description("The first run's seed.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--storage <FILE>")]
    [Description("SQLite file (or sqlite:///PATH) keeping every run as a study, so the comparison resumes (default: gantuner.db for lstm; the synthetic functions run in memory).")]
    public string? Storage { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for compare.html, figures/, summary.csv, summary.json and runs.csv (default: ./gantuner-out/compare-<objective tag>/, e.g. compare-lstm-sp500-holdout-level-window-es or compare-hartmann6).")]
    public string? Out { get; init; }

    [CommandOption("--option <KEY=VALUE>")]
    [Description("Tuner setting, repeatable; each tuner reads its own prefix (tpe.startup=20, ga.population=20, gan.elite=5).")]
    public string[] Options { get; init; } = [];

    [CommandOption("--parallel <N>")]
    [Description("Studies run at once (default: 1 for lstm, one per core for the synthetic functions). Results do not depend on it for the synthetic functions; for lstm each trial then gets --threads / N threads.")]
    public int? Parallel { get; init; }

    [CommandOption("--threads <N>")]
    [Description("lstm: worker threads shared by the parallel studies (default 0: every core).")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("lstm: training epochs of every trial (default 10, as the paper).")]
    public int? Epochs { get; init; }

    [CommandOption("--pruner <NAME>")]
    [Description("lstm: stop unpromising trials early on their per-epoch loss, as tune does: none, median (5 start-up trials) or asha (reduction factor 4). Part of the runs' study names.")]
    [DefaultValue("none")]
    public string Pruner { get; init; } = "none";

    [CommandOption("--space <FILE>")]
    [Description("lstm: search space JSON of the six LSTM parameters (default: the paper's Table 1).")]
    public string? Space { get; init; }

    public bool IsLstm => Objective == Lstm;

    public IReadOnlyList<string> TunerList =>
        Tuners.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public int BudgetValue => Budget ?? (IsLstm ? 20 : 50);

    public int SeedsValue => Seeds ?? (IsLstm ? 5 : 30);

    public int EpochsValue => Epochs ?? DefaultEpochs;

    public int ParallelValue => Parallel ?? (IsLstm ? 1 : Environment.ProcessorCount);

    /// <summary>Threads each LSTM trial trains with: the shared threads split between the parallel studies.</summary>
    public int ThreadsPerTrial => Math.Max(1, (Threads > 0 ? Threads : Environment.ProcessorCount) / ParallelValue);

    public TunerOptions TunerOptions => TunerOptions.Parse(Options);

    /// <summary>What the options ask the application layer to do.</summary>
    public CompareRequest Request => new(Objective, TunerList, BudgetValue, SeedsValue)
    {
        Seed = Seed,
        Storage = Storage ?? (IsLstm ? DefaultLstmStorage : null),
        Out = Out,
        Options = TunerOptions,
        Parallel = ParallelValue,
        ThreadsPerTrial = ThreadsPerTrial,
        Epochs = EpochsValue,
        Pruner = Pruner,
        SpaceFile = Space,
        Source = IsLstm ? Source : PriceSource.Embedded,
        Training = Training,
    };

    public override ValidationResult Validate()
    {
        var problem = Problem();
        return problem is null ? base.Validate() : ValidationResult.Error(problem);
    }

    private string? Problem()
    {
        if (!IsLstm && SyntheticObjective.Find(Objective) is null)
        {
            return $"unknown objective '{Objective}'; expected one of {string.Join(", ", SyntheticObjective.All.Select(o => o.Name).Append(Lstm))}";
        }

        var unknown = TunerList.FirstOrDefault(t => !TunerFactory.Names.Contains(t));
        if (TunerList.Count == 0 || unknown is not null)
        {
            return $"unknown tuner '{unknown}'; expected a comma-separated list of {string.Join(", ", TunerFactory.Names)}";
        }

        if (TunerList.Distinct().Count() != TunerList.Count)
        {
            return "--tuners names a tuner twice";
        }

        if (BudgetValue < 1 || SeedsValue < 1)
        {
            return "--budget and --seeds must be at least 1";
        }

        if (Parallel is < 1)
        {
            return "--parallel must be at least 1";
        }

        if (Threads < 0)
        {
            return $"--threads must be 0 (every core) or more, not {Threads}";
        }

        if (Epochs is < 1)
        {
            return $"--epochs must be at least 1, not {Epochs}";
        }

        if (!GanTuner.Tuning.Pruners.PrunerFactory.Names.Contains(Pruner))
        {
            return $"unknown pruner '{Pruner}'; expected one of {string.Join(", ", GanTuner.Tuning.Pruners.PrunerFactory.Names)}";
        }

        if (!IsLstm && (DataFile is not null || Symbol is not null || Space is not null || Epochs is not null || Pruner != "none"))
        {
            return $"--data, --symbol, --space, --epochs and --pruner apply to --objective lstm, not '{Objective}'";
        }

        if (Space is not null && !File.Exists(Space))
        {
            return $"--space: the file '{Space}' does not exist";
        }

        if (Storage is not null && string.IsNullOrWhiteSpace(Storage))
        {
            return "--storage needs a file name";
        }

        if (Out is not null && string.IsNullOrWhiteSpace(Out))
        {
            return "--out needs a folder";
        }

        try
        {
            _ = TunerOptions;
        }
        catch (TunerOptionsException e)
        {
            return e.Message;
        }

        return null;
    }
}
