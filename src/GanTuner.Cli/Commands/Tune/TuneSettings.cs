using System.ComponentModel;
using GanTuner.Cli.Commands.Data;
using GanTuner.Storage;
using GanTuner.Studies.Tune;
using GanTuner.Tuning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>Options of <c>gantuner tune</c>: the data options, which tuner searches how long, where the study and
/// its files go, and how each trial trains.</summary>
public sealed class TuneSettings : DataSettings
{
    public const string DefaultTuner = "gan";
    public const int DefaultIterations = 20;
    public const int DefaultEpochs = TuneRequest.DefaultEpochs;
    public const string DefaultStorage = "gantuner.db";

    [CommandOption("--tuner <NAME>")]
    [Description("gan (the second-generation GAN tuner), gan-paper (the paper's), random, grid, tpe, tpe-univariate, ga, gp, or an ablation (gan-no-<part>, gan-paper-no-injection, gan-paper-no-feedback, gan-paper-no-diversity).")]
    [DefaultValue(DefaultTuner)]
    public string Tuner { get; init; } = DefaultTuner;

    [CommandOption("--iterations <N>")]
    [Description("The study's total budget of evaluated trials; a resumed study runs only what is missing.")]
    [DefaultValue(DefaultIterations)]
    public int Iterations { get; init; } = DefaultIterations;

    [CommandOption("--space <FILE>")]
    [Description("Search space JSON with the six parameters layers, units, learning_rate, batch_size, sequence_length, dropout (default: the paper's Table 1).")]
    public string? Space { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed of the tuner, of every trial's weights, batch order and dropout, and of paper-shuffled's window shuffle.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--study <NAME>")]
    [Description("Study name (default: derived from tuner, protocol, target, seed and data, so the same command resumes the same study).")]
    public string? Study { get; init; }

    [CommandOption("--storage <FILE|URL>")]
    [Description("Where the studies are kept: a SQLite file, sqlite:///PATH, or postgresql://user@host:port/db to share a study between machines.")]
    [DefaultValue(DefaultStorage)]
    public string Storage { get; init; } = DefaultStorage;

    [CommandOption("--out <DIR>")]
    [Description("Folder for trials.csv, trials.json, best-model.json, predictions/ and report/ (default: ./gantuner-out/<study>/).")]
    public string? Out { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Worker threads per trial (default 0: every core). The same seed and thread count give the same results, bit for bit.")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--workers <N>")]
    [Description("Trials run at once in this process; the threads (--threads, or every core) are divided between them. 0: the engine's cost model chooses workers and threads per trial")]
    [DefaultValue(1)]
    public int Workers { get; init; } = 1;

    [CommandOption("--heartbeat <SECONDS>")]
    [Description("How often a running trial tells the store it is alive; a trial silent for 3 beats is failed as stale by any worker and retried.")]
    [DefaultValue(10.0)]
    public double Heartbeat { get; init; } = 10;

    [CommandOption("--pruner <NAME>")]
    [Description("Stop unpromising trials early on their per-epoch loss: none, median (5 start-up trials) or asha (reduction factor 4).")]
    [DefaultValue("none")]
    public string Pruner { get; init; } = "none";

    [CommandOption("--epochs <N>")]
    [Description("Training epochs of every trial (the paper: 10).")]
    [DefaultValue(DefaultEpochs)]
    public int Epochs { get; init; } = DefaultEpochs;

    [CommandOption("--no-report")]
    [Description("Skip the HTML report and its figures at the end.")]
    public bool NoReport { get; init; }

    [CommandOption("--gan-no-injection")]
    [Description("GAN ablation: never inject random configurations into the real set.")]
    public bool GanNoInjection { get; init; }

    [CommandOption("--gan-no-feedback")]
    [Description("GAN ablation: drop the generator's feedback term.")]
    public bool GanNoFeedback { get; init; }

    [CommandOption("--gan-no-diversity")]
    [Description("GAN ablation: drop the generator's diversity regulariser.")]
    public bool GanNoDiversity { get; init; }

    [CommandOption("--option <KEY=VALUE>")]
    [Description("Tuner setting, repeatable (e.g. gan.elite=5, tpe.startup=10); stored with the study.")]
    public string[] Options { get; init; } = [];

    /// <summary>The tuner options the flags and <c>--option</c> values describe.</summary>
    public TunerOptions TunerOptions => TuneRequest.WithAblations(TunerOptions.Parse(Options), GanNoInjection, GanNoFeedback, GanNoDiversity);

    /// <summary>What the options ask the application layer to do.</summary>
    public TuneRequest Request => new(Source, Training, Tuner, Iterations, Storage)
    {
        SpaceFile = Space,
        Seed = Seed,
        Study = Study,
        Out = Out,
        Threads = Threads,
        Epochs = Epochs,
        Workers = Workers,
        Heartbeat = TimeSpan.FromSeconds(Heartbeat),
        Pruner = Pruner,
        Options = TunerOptions.Parse(Options),
        GanNoInjection = GanNoInjection,
        GanNoFeedback = GanNoFeedback,
        GanNoDiversity = GanNoDiversity,
    };

    public override ValidationResult Validate()
    {
        var problem = Problem();
        return problem is null ? base.Validate() : ValidationResult.Error(problem);
    }

    private string? Problem()
    {
        if (!TunerFactory.Names.Contains(Tuner))
        {
            return $"unknown tuner '{Tuner}'; expected one of {string.Join(", ", TunerFactory.Names)}";
        }

        if (Iterations < 1)
        {
            return $"--iterations must be at least 1, not {Iterations}";
        }

        if (Epochs < 1)
        {
            return $"--epochs must be at least 1, not {Epochs}";
        }

        if (Threads < 0)
        {
            return $"--threads must be 0 (every core) or more, not {Threads}";
        }

        if (Workers < 0)
        {
            return $"--workers must be 0 (the cost model chooses) or more, not {Workers}";
        }

        if (!double.IsFinite(Heartbeat) || Heartbeat <= 0)
        {
            return "--heartbeat must be a positive number of seconds";
        }

        if (!GanTuner.Tuning.Pruners.PrunerFactory.Names.Contains(Pruner))
        {
            return $"unknown pruner '{Pruner}'; expected one of {string.Join(", ", GanTuner.Tuning.Pruners.PrunerFactory.Names)}";
        }

        if ((GanNoInjection || GanNoFeedback || GanNoDiversity) && !Tuner.StartsWith("gan", StringComparison.Ordinal))
        {
            return $"--gan-no-injection, --gan-no-feedback and --gan-no-diversity apply to the gan tuner, not '{Tuner}'";
        }

        if (Space is not null && !File.Exists(Space))
        {
            return $"--space: the file '{Space}' does not exist";
        }

        if (Study is not null && !StudyName.IsUsable(Study))
        {
            return $"--study '{Study}' cannot name a folder: use letters, digits and . _ - + = ^";
        }

        if (string.IsNullOrWhiteSpace(Storage))
        {
            return "--storage needs a file name";
        }

        // Checked here because the run makes its output folder before it opens the store.
        var file = StudyStores.SqlitePath(Storage);
        if (file is not null && Directory.Exists(file))
        {
            return $"--storage '{Storage}' is a folder; give a file name such as {Path.Combine(Storage, DefaultStorage)}";
        }

        if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
        {
            return $"--storage '{Storage}': the folder '{folder}' does not exist";
        }

        if (Out is not null && string.IsNullOrWhiteSpace(Out))
        {
            return "--out needs a folder";
        }

        if (Out is not null && FileInPath(Out) is { } blocking)
        {
            return $"--out '{Out}' cannot be a folder: '{blocking}' is a file";
        }

        try
        {
            TunerFactory.RequireOwnOptions(Tuner, TunerOptions);
        }
        catch (TunerOptionsException e)
        {
            return e.Message;
        }

        return null;
    }

    /// <summary>The path itself, or the nearest folder above it, when that exists as a file: then no folder can be
    /// made there, and saying so now keeps the run from failing after it has created its study.</summary>
    private static string? FileInPath(string path)
    {
        for (var part = Path.GetFullPath(path); part is not null; part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                return part;
            }

            if (Directory.Exists(part))
            {
                return null;
            }
        }

        return null;
    }
}
