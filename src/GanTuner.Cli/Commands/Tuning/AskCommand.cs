using System.Text;
using System.Text.Json;
using GanTuner.Storage;
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
        // Read the user's files first: a bad one must not leave a new, empty storage file behind.
        var space = settings.Space is null ? null : SearchSpace.Load(settings.Space);
        var options = settings.Options.Length > 0 ? TunerOptions.Parse(settings.Options) : null;
        if (!StoreLocation.MayExist(settings.Storage))
        {
            var tuner = settings.Tuner ?? AskSettings.DefaultTuner;
            TunerFactory.RequireOwnOptions(tuner, options ?? TunerOptions.Empty);
            _ = TunerFactory.Create(tuner, space ?? SearchSpace.Table1(), 0, options ?? TunerOptions.Empty);
        }

        var store = StoreLocation.Open(settings.Storage);
        using var lifetime = store as IDisposable;
        var study = Open(store, settings, space, options);
        // With --heartbeat the trial goes stale (and is retried by the next ask or tune) unless it is told, or
        // renewed with `gantuner beat`, within 3 intervals; without it, it waits for its tell however long it takes.
        var grace = settings.Heartbeat is { } seconds ? TimeSpan.FromSeconds(seconds * AskSettings.GraceBeats) : (TimeSpan?)null;
        var trial = study.TryAsk(new AskOptions($"ask@{Environment.MachineName}:{Environment.ProcessId}", grace))!;
        Console.Out.WriteLine(Format(trial));
        return 0;
    }

    /// <summary>The stored definition fills in whatever the user left out; what they gave must agree with it.</summary>
    private static Study Open(IStudyStore store, AskSettings settings, SearchSpace? space, TunerOptions? options)
    {
        var name = settings.Study!;
        var stored = store.FindStudy(name);
        var tuner = settings.Tuner ?? stored?.TunerName ?? AskSettings.DefaultTuner;
        if (options is not null)
        {
            TunerFactory.RequireOwnOptions(tuner, options);
        }

        space ??= stored is not null ? SearchSpace.Parse(stored.SearchSpaceJson) : SearchSpace.Table1();
        options ??= stored is not null ? TunerOptions.FromJson(stored.TunerOptionsJson) : TunerOptions.Empty;
        return Study.CreateOrLoad(store, name, space, tuner, settings.Seed ?? stored?.Seed ?? 0, options);
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
