using System.ComponentModel;
using GanTuner.Data;
using GanTuner.Data.Csv;
using GanTuner.Data.Protocols;
using GanTuner.Studies.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Data;

/// <summary>
/// The options every data-taking command shares (data show, trial, tune, compare): where the prices come from,
/// which column, and the protocol and target that turn them into windows. Inherit it, and call
/// <see cref="Source"/>, <see cref="ProtocolValue"/> and <see cref="TargetValue"/> rather than reading the raw strings.
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

    [CommandOption("--protocol <PROTOCOL>")]
    [Description("holdout (default: scaler on training rows, tune on validation), paper (scaler on all rows, tune on test) or paper-shuffled (LEAKY: windows shuffled before the split, reproduces the paper's errors).")]
    [DefaultValue("holdout")]
    public string Protocol { get; init; } = "holdout";

    [CommandOption("--target <TARGET>")]
    [Description("level (scaled close, as the paper) or log-return (next log return, price rebuilt from the last close).")]
    [DefaultValue("level")]
    public string Target { get; init; } = "level";

    [CommandOption("--yahoo-base-url <URL>")]
    [Description("Yahoo Finance base URL for --symbol (default: $GANTUNER_YAHOO_BASE_URL or https://query1.finance.yahoo.com).")]
    public string? YahooBaseUrl { get; init; }

    public Protocol ProtocolValue => ProtocolNames.TryParseProtocol(Protocol, out var p) ? p : throw Invalid("--protocol", Protocol);

    public ForecastTarget TargetValue => ProtocolNames.TryParseTarget(Target, out var t) ? t : throw Invalid("--target", Target);

    public PriceColumn ColumnValue => ParseColumn(Column) ?? throw Invalid("--column", Column);

    public CsvReadOptions CsvOptions => new(ColumnValue, DateColumn, ValueColumn);

    public override ValidationResult Validate()
    {
        if (DataFile is not null && Symbol is not null)
        {
            return ValidationResult.Error("give --data or --symbol, not both");
        }

        if (!ProtocolNames.TryParseProtocol(Protocol, out _))
        {
            return ValidationResult.Error($"--protocol must be one of {string.Join(", ", ProtocolNames.Protocols)}, not '{Protocol}'");
        }

        if (!ProtocolNames.TryParseTarget(Target, out _))
        {
            return ValidationResult.Error($"--target must be one of {string.Join(", ", ProtocolNames.Targets)}, not '{Target}'");
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
