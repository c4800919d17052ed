using System.Text.Json;
using System.Text.Json.Serialization;
using GanTuner.Dashboard.Charts;
using GanTuner.Dashboard.Live;
using GanTuner.Dashboard.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GanTuner.Dashboard.Hosting;

/// <summary>Every URL the dashboard answers. Pages are one HTML shell whose script asks the JSON API and the
/// SVG chart endpoints; all of them only read.</summary>
internal static class DashboardRoutes
{
    private static readonly string[] Get = ["GET", "HEAD"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Map(WebApplication app)
    {
        app.Use(ReadOnlyMethods.Enforce);
        app.Use(SecurityHeaders.Add);

        foreach (var page in new[] { "/", "/studies/{name}", "/studies/{name}/trials/{number:int}", "/compare" })
        {
            app.MapMethods(page, Get, () => Asset("index.html"));
        }

        app.MapMethods("/assets/{file}", Get, (string file) => Asset(file));
        app.MapMethods("/favicon.ico", Get, () => Asset("favicon.svg"));
        app.MapMethods("/api/events", Get, (HttpContext context, ChangeFeed feed) => EventStream.Serve(context, feed));
        app.MapMethods("/api/version", Get, (StoreReader reader) => Results.Json(new { version = reader.Version }, Json));
        app.MapMethods("/api/studies", Get, (StoreReader reader) => Results.Json(Studies(reader), Json));
        app.MapMethods("/api/studies/{name}", Get, (string name, StoreReader reader) =>
            WithStudy(reader, name, s => Results.Json(StudyViews.Detail(s), Json)));
        app.MapMethods("/api/studies/{name}/trials", Get, (string name, string? state, string? sort, bool? desc, int? offset, int? limit, StoreReader reader) =>
            WithStudy(reader, name, s => Results.Json(StudyViews.Table(s, state, sort, desc ?? false, offset ?? 0, limit ?? 100), Json)));
        app.MapMethods("/api/studies/{name}/trials/{number:int}", Get, (string name, int number, StoreReader reader) =>
            WithStudy(reader, name, s => StudyViews.Trial(s, number, reader.WorkingDirectory) is { } trial
                ? Results.Json(trial, Json)
                : NotFound($"study '{name}' has no trial {number}")));
        app.MapMethods("/api/studies/{name}/charts/{chart}", Get, (string name, string chart, string? scale, StoreReader reader) =>
            WithStudy(reader, name, s => StudyChart(s, chart, scale == "log")));
        app.MapMethods("/api/studies/{name}/trials/{number:int}/charts/{chart}", Get, (string name, int number, string chart, string? scale, StoreReader reader) =>
            WithStudy(reader, name, s => TrialChart(s, number, chart, scale == "log", reader.WorkingDirectory)));
        app.MapMethods("/api/compare", Get, (string[]? studies, StoreReader reader) => Compare(reader, studies, s =>
            Results.Json(s.Select(x => new { name = x.Study.Name, bestSoFar = StudyViews.Detail(x).BestSoFar }), Json)));
        app.MapMethods("/api/compare/chart.svg", Get, (string[]? studies, string? scale, StoreReader reader) =>
            Compare(reader, studies, s => SvgResult(CompareChart.Render(s, scale == "log"))));
        app.MapFallback(() => NotFound("no such page"));
    }

    private static IReadOnlyList<StudySummary> Studies(StoreReader reader) =>
        [.. reader.ListStudies().Select(s => reader.Study(s.Name)).OfType<StudySnapshot>().Select(StudySummary.Of)];

    private static IResult WithStudy(StoreReader reader, string name, Func<StudySnapshot, IResult> answer) =>
        reader.Study(name) is { } snapshot ? answer(snapshot) : NotFound($"no study named '{name}'");

    private static IResult Compare(StoreReader reader, string[]? names, Func<IReadOnlyList<StudySnapshot>, IResult> answer)
    {
        var wanted = (names ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToArray();
        var snapshots = new List<StudySnapshot>();
        foreach (var name in wanted)
        {
            if (reader.Study(name) is not { } snapshot)
            {
                return NotFound($"no study named '{name}'");
            }

            snapshots.Add(snapshot);
        }

        return answer(snapshots);
    }

    private static IResult StudyChart(StudySnapshot snapshot, string chart, bool log) => chart switch
    {
        "history.svg" => SvgResult(HistoryChart.Render(snapshot, log)),
        "parallel.svg" => SvgResult(ParallelCoordinatesChart.Render(snapshot, log)),
        "slice.svg" => SvgResult(SliceChart.Render(snapshot, log)),
        "importance.svg" => SvgResult(ImportanceChart.Render(snapshot)),
        _ => NotFound($"no chart named '{chart}'"),
    };

    private static IResult TrialChart(StudySnapshot snapshot, int number, string chart, bool log, string workingDirectory)
    {
        if (number < 0 || number >= snapshot.Trials.Count)
        {
            return NotFound($"study '{snapshot.Study.Name}' has no trial {number}");
        }

        var trial = snapshot.Trials[number];
        switch (chart)
        {
            case "loss.svg":
                var losses = TrialFacts.Losses(trial);
                return SvgResult(LineChart.Render("Loss per epoch", "epoch", "loss",
                    losses is null ? [] : [("training", losses.Train), ("validation", losses.Validation)], log,
                    e => AxisScale.Label(e + 1)));
            case "forecast.svg":
                var (forecast, _) = TestForecasts.Load(snapshot, number, workingDirectory);
                if (forecast is null)
                {
                    return SvgResult(LineChart.Render("Test-period forecasts", "day", "price", [], log));
                }

                var dates = forecast.Dates;
                return SvgResult(LineChart.Render("Actual, predicted and naive on the test period", "date", "price",
                    [("actual", forecast.Actual), ("predicted", forecast.Predicted), ("naive", forecast.Naive)], log,
                    i => i >= 0 && i < dates.Count ? dates[(int)i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : ""));
            default:
                return NotFound($"no chart named '{chart}'");
        }
    }

    private static IResult Asset(string name) =>
        EmbeddedAssets.Find(name) is { } file ? Results.Bytes(file.Content, file.ContentType) : NotFound($"no asset '{name}'");

    private static IResult SvgResult(string svg) => Results.Text(svg, "image/svg+xml; charset=utf-8");

    private static IResult NotFound(string message) => Results.Json(new { error = message }, Json, statusCode: StatusCodes.Status404NotFound);
}
