using System.ComponentModel;
using GanTuner.Data;
using GanTuner.Data.Csv;
using GanTuner.Studies.Data;
using Spectre.Console;
using Spectre.Console.Cli;
using GanTuner.Studies.Training;

namespace GanTuner.Cli.Commands.Data;

/// <summary>
/// The options every data-taking command shares (data show, trial, tune, compare): where the prices come from,
/// which column, and the protocol, target, scaling and early stopping that turn them into windows and train on them.
/// Inherit it, and call <see cref="Source"/> and <see cref="Training"/> rather than reading the raw options.
/// </summary>
public class DataSettings : CommandSettings
{
    [CommandOption("--data <FILE>")]
    [Description("CSV of daily prices (Yahoo, lower-case or Stooq header, or any file with --date-column/--value-column). Default: the embedded S&P 500 2000-2020.")]
    public string? DataFile { get; init; }

    [CommandOption("--symbol <SYMBOL>")]
    [Description("Download SYMBOL from Yahoo Finance (cached for a day) and use it instead of --data.")]
    public string? Symbol { get; init; }

    [CommandOption("--column <COLUMN>")]
    [Description("Price column to model: close or adjclose.")]
    [DefaultValue("close")]
    public string Column { get; init; } = "close";

    [CommandOption("--date-column <NAME>")]
    [Description("Header of the date column, for files whose layout is not detected.")]
    public string? DateColumn { get; init; }

    [CommandOption("--value-column <NAME>")]
    [Description("Header of the price column to model, for files whose layout is not detected.")]
    public string? ValueColumn { get; init; }

    [CommandOption("--preset <PRESET>")]
    [Description("default (measured best under an honest protocol: holdout, per-window scaling, early stopping) or paper (exactly the paper: protocol paper, level target, global min-max, 10 epochs, no early stopping). Options given explicitly override the preset.")]
    [DefaultValue("default")]
    public string Preset { get; init; } = "default";

    [CommandOption("--protocol <PROTOCOL>")]
    [Description("holdout (the default preset's: scaler on training rows, tune on validation), paper (scaler on all rows, tune on test), paper-shuffled (LEAKY: windows shuffled before the split, reproduces the paper's errors) or walk-forward (--folds folds inside the first 80 %, each scaled and trained on the rows before its validation block; tune on their mean validation MSE).")]
    public string? ProtocolOption { get; init; }

    [CommandOption("--target <TARGET>")]
    [Description("level (the close, as the paper; default) or log-return (next log return, price rebuilt from the last close).")]
    public string? TargetOption { get; init; }

    [CommandOption("--scaling <SCALING>")]
    [Description("window (each input window relative to its last value and its own typical change, RevIN-style; the default preset's) or global (one min-max scaler, the paper's).")]
    public string? ScalingOption { get; init; }

    [CommandOption("--early-stopping <ON_OFF>")]
    [Description("on (the default preset's): stop when the objective split's loss has not improved for --patience epochs, keep the best epoch's weights, train at least --min-steps optimiser steps (up to --max-epochs); off: exactly --epochs.")]
    public string? EarlyStoppingOption { get; init; }

    [CommandOption("--patience <EPOCHS>")]
    [Description("Early stopping: epochs without improvement before stopping (default 3).")]
    public int? Patience { get; init; }

    [CommandOption("--min-steps <STEPS>")]
    [Description("Early stopping: optimiser steps before stopping is allowed; a small series gets more epochs to reach them (default 300).")]
    public int? MinSteps { get; init; }

    [CommandOption("--max-epochs <EPOCHS>")]
    [Description("Early stopping: the most epochs a small series is extended to (default 30).")]
    public int? MaxEpochs { get; init; }

    [CommandOption("--features <LIST>")]
    [Description("The LSTM's inputs at each time step, comma-separated: close (always; the modelled series), return (its one-step log return), range ((high - low) / close) and volume (ln(1 + volume)), where the data have them. Default: close. Each input is scaled like the close (--scaling); the target stays the close.")]
    public string? FeaturesOption { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Walk-forward: the number of folds, at least 2 (default 5). The last fold's model is scored on test and kept.")]
    public int? Folds { get; init; }

    [CommandOption("--window <WINDOW>")]
    [Description("Walk-forward: expanding (each fold trains on every row before its validation block; default) or sliding (on as many rows as the first fold, just before its block).")]
    public string? Window { get; init; }

    /// <summary>The training options as given, unparsed (null: the preset's).</summary>
    public TrainingChoices TrainingChoices => new()
    {
        Preset = Preset,
        Protocol = ProtocolOption,
        Target = TargetOption,
        Scaling = ScalingOption,
        EarlyStopping = EarlyStoppingOption,
        Patience = Patience,
        MinSteps = MinSteps,
        MaxEpochs = MaxEpochs,
        Features = FeaturesOption,
        Folds = Folds,
        Window = Window,
    };

    /// <summary>Protocol, target, scaling and early stopping as the options and the preset ask (checked by <see cref="Validate"/>).</summary>
    public TrainingSettings Training => TrainingSettings.From(TrainingChoices);

    [CommandOption("--yahoo-base-url <URL>")]
    [Description("Yahoo Finance base URL for --symbol (default: $GANTUNER_YAHOO_BASE_URL or https://query1.finance.yahoo.com).")]
    public string? YahooBaseUrl { get; init; }

    public PriceColumn ColumnValue => ParseColumn(Column) ?? throw Invalid("--column", Column);

    public CsvReadOptions CsvOptions => new(ColumnValue, DateColumn, ValueColumn);

    public override ValidationResult Validate()
    {
        if (DataFile is not null && Symbol is not null)
        {
            return ValidationResult.Error("give --data or --symbol, not both");
        }

        if (TrainingSettings.Problem(TrainingChoices) is { } training)
        {
            return ValidationResult.Error(training);
        }

        if (ParseColumn(Column) is null)
        {
            return ValidationResult.Error($"--column must be close or adjclose, not '{Column}'");
        }

        if (string.IsNullOrWhiteSpace(Symbol) && Symbol is not null)
        {
            return ValidationResult.Error("--symbol needs a symbol such as ^GSPC");
        }

        return ValidationResult.Success();
    }

    /// <summary>The prices the options name: a file, a (cached) Yahoo download, or the embedded set.</summary>
    public PriceSource Source => new(DataFile, Symbol, CsvOptions, YahooBaseUrl);

    private static PriceColumn? ParseColumn(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "close" => PriceColumn.Close,
        "adjclose" or "adj-close" or "adj close" => PriceColumn.AdjClose,
        _ => null,
    };

    private static InvalidOperationException Invalid(string option, string value) =>
        new($"{option} '{value}' should have been rejected by Validate()");
}
