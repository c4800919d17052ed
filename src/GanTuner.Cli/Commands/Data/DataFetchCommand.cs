using System.ComponentModel;
using System.Globalization;
using GanTuner.Studies.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Data;

/// <summary><c>gantuner data fetch SYMBOL --out FILE</c>: daily bars from Yahoo Finance into a Yahoo-format CSV.</summary>
public sealed class DataFetchCommand : AsyncCommand<DataFetchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SYMBOL>")]
        [Description("Yahoo Finance symbol, e.g. ^GSPC or AAPL.")]
        public string Symbol { get; init; } = string.Empty;

        [CommandOption("--from <DATE>")]
        [Description("First day (yyyy-MM-dd). Default: the start of the history.")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Last day (yyyy-MM-dd), inclusive. Default: today.")]
        public string? To { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("CSV to write; replaced only once the whole download has succeeded.")]
        public string? Out { get; init; }

        [CommandOption("--yahoo-base-url <URL>")]
        [Description("Yahoo Finance base URL (default: $GANTUNER_YAHOO_BASE_URL or https://query1.finance.yahoo.com).")]
        public string? YahooBaseUrl { get; init; }

        public DateOnly? FromDate => ParseDate(From);

        public DateOnly? ToDate => ParseDate(To);

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Symbol))
            {
                return ValidationResult.Error("a symbol is required, e.g. gantuner data fetch ^GSPC --out gspc.csv");
            }

            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out FILE is required");
            }

            if (Directory.Exists(Out))
            {
                // Said before the download, which may take a while and cannot be written there anyway.
                return ValidationResult.Error($"--out '{Out}' is a folder; give a file name such as {Path.Combine(Out, "prices.csv")}");
            }

            foreach (var (option, text) in new[] { ("--from", From), ("--to", To) })
            {
                if (text is not null && ParseDate(text) is null)
                {
                    return ValidationResult.Error($"{option} '{text}' is not a date in yyyy-MM-dd form");
                }
            }

            return FromDate > ToDate ? ValidationResult.Error($"--to {To} is before --from {From}") : ValidationResult.Success();
        }

        private static DateOnly? ParseDate(string? text) =>
            DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var series = await PriceData.FetchAsync(settings.Symbol, settings.Out!, settings.FromDate, settings.ToDate, settings.YahooBaseUrl).ConfigureAwait(false);
        AnsiConsole.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {series.Count:N0} daily bars of {settings.Symbol.Trim()} ({series.FirstDate:yyyy-MM-dd} to {series.LastDate:yyyy-MM-dd}) to {settings.Out}"));
        return 0;
    }
}
