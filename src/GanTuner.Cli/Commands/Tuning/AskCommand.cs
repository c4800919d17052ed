using System.Text;
using System.Text.Json;
using GanTuner.Studies.AskTell;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary><c>gantuner ask</c>: starts the study's next trial (creating the study if needed) and prints
/// <c>{"trial":N,"params":{…}}</c> on one line, so any program can be tuned from a shell script.</summary>
public sealed class AskCommand : Command<AskSettings>
{
    public override int Execute(CommandContext context, AskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var trial = StudyService.Ask(new AskRequest(settings.Storage, settings.Study!)
        {
            Tuner = settings.Tuner,
            SpaceFile = settings.Space,
            Seed = settings.Seed,
            Options = settings.Options.Length > 0 ? TunerOptions.Parse(settings.Options) : null,
            Heartbeat = settings.Heartbeat is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        });
        Console.Out.WriteLine(Format(trial));
        return 0;
    }

    internal static string Format(TrialHandle trial)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("trial", trial.Number);
            json.WriteStartObject("params");
            foreach (var (name, value) in trial.Parameters.Values)
            {
                switch (value.Kind)
                {
                    case ParameterValueKind.IntegerNumber:
                        json.WriteNumber(name, value.AsInteger());
                        break;
                    case ParameterValueKind.RealNumber:
                        json.WriteNumber(name, value.AsDouble());
                        break;
                    default:
                        json.WriteString(name, value.AsText());
                        break;
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
