using System.Text;
using System.Text.Json;
using GanTuner.Storage;
using GanTuner.Studies.AskTell;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary><c>gantuner tell</c>: records the result of a trial that <c>ask</c> started, and prints
/// <c>{"trial":N,"state":"complete","value":V}</c> on one line.</summary>
public sealed class TellCommand : Command<TellSettings>
{
    public override int Execute(CommandContext context, TellSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var record = StudyService.Tell(new TellRequest(settings.Storage, settings.Study!, settings.Trial!.Value, settings.Failed ? null : settings.Value!.Value)
        {
            FailReason = settings.Reason,
            Metrics = settings.ParsedMetrics(),
        });
        Console.Out.WriteLine(Format(record));
        return 0;
    }

    private static string Format(TrialRecord record)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("trial", record.Number);
            json.WriteString("state", record.State.ToString().ToLowerInvariant());
            if (record.Value is double value)
            {
                json.WriteNumber("value", value);
            }

            if (record.Attributes.TryGetValue(TrialAttributeKeys.FailReason, out var reason))
            {
                json.WriteString("reason", reason);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
