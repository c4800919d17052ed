using System.Text.RegularExpressions;
using GanTuner.Data;
using GanTuner.Data.Yahoo;
using Spectre.Console.Cli;

namespace GanTuner.Cli;

/// <summary>
/// Turns any exception that escapes a command into one line on stderr and an exit code:
/// 2 for the user's mistakes, 130 for cancellation, 1 for our own bugs. Never a stack trace unless
/// <c>GANTUNER_DEBUG=1</c>, because a user cannot act on one.
/// </summary>
public static partial class CliErrors
{
    public const int UserError = 2;
    public const int InternalError = 1;
    public const int Cancelled = 130;

    // Exceptions whose message is written for the user. Each library adds its own type here, one per line.
    private static readonly Type[] UserErrorTypes =
    [
        typeof(CommandParseException),
        typeof(CommandRuntimeException),
        typeof(PriceDataException),
        typeof(YahooFinanceException),
        typeof(GanTuner.Reporting.ReportException),
        typeof(GanTuner.Neural.ModelFileException),
        typeof(GanTuner.Storage.StudyStoreException),
        typeof(GanTuner.Tuning.SearchSpaceException),
        typeof(GanTuner.Tuning.TunerOptionsException),
        typeof(GanTuner.Tuning.Studies.StudyException),
        typeof(GanTuner.Dashboard.DashboardException),
        typeof(GanTuner.Export.ExportException),
    ];

    public static int Handle(Exception exception) => Handle(exception, Console.Error);

    public static int Handle(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        var e = Unwrap(exception);
        if (e is OperationCanceledException)
        {
            error.WriteLine("gantuner: cancelled");
            return Cancelled;
        }

        var isUserError = UserErrorTypes.Any(t => t.IsInstanceOfType(e));
        error.WriteLine(isUserError ? $"gantuner: {OneLine(UserMessage(e))}" : $"gantuner: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
        if (Environment.GetEnvironmentVariable("GANTUNER_DEBUG") == "1")
        {
            error.WriteLine(exception.ToString());
        }

        return isUserError ? UserError : InternalError;
    }

    // Spectre names an optional option's type "Nullable`1" ("Failed to convert '9e99' to Nullable`1."); the
    // converter underneath names the real one.
    private static string UserMessage(Exception e) =>
        e is CommandRuntimeException && e.Message.Contains("Nullable`1", StringComparison.Ordinal)
        && e.InnerException is { } inner && ConverterTarget().Match(inner.Message) is { Success: true } target
            ? e.Message.Replace("Nullable`1", target.Groups[1].Value, StringComparison.Ordinal)
            : e.Message;

    [GeneratedRegex(@"is not a valid value for (\w+)\.")]
    private static partial Regex ConverterTarget();

    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : e;

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
