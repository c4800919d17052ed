using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GanTuner.Studies.AskTell;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tuning;

/// <summary><c>gantuner studies</c>: one row per stored study with its tuner, trial counts and best value; with
/// <c>--json</c>, one JSON array for programs.</summary>
public sealed class StudiesCommand : Command<StudiesSettings>
{
    public override int Execute(CommandContext context, StudiesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var studies = StudyService.List(settings.Storage);
        if (settings.Json)
        {
            Console.Out.WriteLine(Json(studies));
            return 0;
        }

        if (studies.Count == 0)
        {
            Console.Out.WriteLine($"No studies in {settings.Storage}.");
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Study", "Tuner", "Seed", "Trials", "Complete", "Pruned", "Failed", "Running", "Best (trial)", "Created (UTC)");
        foreach (var study in studies)
        {
            table.AddRow(
                Markup.Escape(study.Name),
                Markup.Escape(study.Tuner),
                Number(study.Seed),
                Number(study.Trials),
                Number(study.Complete),
                Number(study.Pruned),
                Number(study.Failed),
                Number(study.Running),
                study.BestValue is not { } best ? "-" : string.Create(CultureInfo.InvariantCulture, $"{best:G6} (#{study.BestTrial})"),
                study.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }

        TableConsole.Create().Write(table);
        return 0;
    }

    private static string Json(IReadOnlyList<StudySummary> studies)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var study in studies)
            {
                json.WriteStartObject();
                json.WriteString("name", study.Name);
                json.WriteString("tuner", study.Tuner);
                json.WriteNumber("seed", study.Seed);
                json.WriteNumber("trials", study.Trials);
                json.WriteNumber("complete", study.Complete);
                json.WriteNumber("failed", study.Failed);
                json.WriteNumber("pruned", study.Pruned);
                json.WriteNumber("running", study.Running);
                if (study.BestValue is { } value && double.IsFinite(value))
                {
                    json.WriteNumber("best_value", value);
                }
                else
                {
                    json.WriteNull("best_value");
                }

                if (study.BestTrial is { } trial)
                {
                    json.WriteNumber("best_trial", trial);
                }
                else
                {
                    json.WriteNull("best_trial");
                }

                json.WriteString("created", study.Created.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
