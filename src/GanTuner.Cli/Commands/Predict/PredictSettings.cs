using System.ComponentModel;
using GanTuner.Studies.Predict;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Predict;

/// <summary>Options of <c>gantuner predict</c>: which saved model, and which prices to forecast from. The
/// protocol, target, sequence length and scaler come from the model file, so there are no such options here.</summary>
public sealed class PredictSettings : CommandSettings
{
    [CommandOption("--model <FILE>")]
    [Description("A model saved by tune (best-model.json) or by trial --save-model. Default: the newest ./gantuner-out/*/best-model.json.")]
    public string? Model { get; init; }

    [CommandOption("--data <FILE>")]
    [Description("CSV of daily prices to forecast from. Default: the data the model's study ran on (beside the model in best-trial.json), else the embedded S&P 500.")]
    public string? DataFile { get; init; }

    [CommandOption("--symbol <SYMBOL>")]
    [Description("Download SYMBOL from Yahoo Finance (cached for a day) and forecast its next close.")]
    public string? Symbol { get; init; }

    [CommandOption("--date-column <NAME>")]
    [Description("Header of the date column, for files whose layout is not detected.")]
    public string? DateColumn { get; init; }

    [CommandOption("--value-column <NAME>")]
    [Description("Header of the price column, for files whose layout is not detected.")]
    public string? ValueColumn { get; init; }

    [CommandOption("--yahoo-base-url <URL>")]
    [Description("Yahoo Finance base URL for --symbol (default: $GANTUNER_YAHOO_BASE_URL or https://query1.finance.yahoo.com).")]
    public string? YahooBaseUrl { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on one line.")]
    public bool Json { get; init; }

    /// <summary>What the options ask the application layer to do.</summary>
    public PredictRequest Request => new(Model, Directory.GetCurrentDirectory())
    {
        DataFile = DataFile,
        Symbol = Symbol,
        DateColumn = DateColumn,
        ValueColumn = ValueColumn,
        YahooBaseUrl = YahooBaseUrl,
    };

    public override ValidationResult Validate()
    {
        if (DataFile is not null && Symbol is not null)
        {
            return ValidationResult.Error("give --data or --symbol, not both");
        }

        if (Symbol is not null && string.IsNullOrWhiteSpace(Symbol))
        {
            return ValidationResult.Error("--symbol needs a symbol such as ^GSPC");
        }

        return Model is not null && !File.Exists(Model)
            ? ValidationResult.Error($"--model: the file '{Model}' does not exist")
            : ValidationResult.Success();
    }
}
