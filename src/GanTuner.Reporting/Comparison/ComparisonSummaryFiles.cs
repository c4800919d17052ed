using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using GanTuner.Tuning.Comparison;

namespace GanTuner.Reporting.Comparison;

/// <summary>
/// The comparison as data: <c>summary.csv</c> (a row per tuner), <c>runs.csv</c> (a row per tuner and seed) and
/// <c>summary.json</c> (everything, each run's whole best-so-far curve included). Numbers are round-trip and
/// culture-invariant; a missing or non-finite number is an empty CSV cell and a JSON null.
/// </summary>
internal static class ComparisonSummaryFiles
{
    public const string SummaryCsvName = "summary.csv";
    public const string RunsCsvName = "runs.csv";
    public const string JsonName = "summary.json";

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string SummaryCsv(ComparisonSummary summary)
    {
        var reference = summary.Reference;
        var header = new List<string> { "tuner", "seeds", "evaluated", "reused" };
        header.AddRange(summary.Checkpoints.SelectMany(n => Quartiles($"best_after_{n.ToString(CultureInfo.InvariantCulture)}")));
        header.AddRange(["mean_rank", $"win_rate_vs_{summary.Baseline ?? "baseline"}"]);
        if (reference is not null)
        {
            header.AddRange([$"{reference}_lower_seeds", "wilcoxon_w_plus", "wilcoxon_w_minus", "wilcoxon_n", "wilcoxon_p", "wilcoxon_method"]);
        }

        header.Add("trial_seconds");
        header.AddRange(summary.MetricKeys.SelectMany(Quartiles));
        return Csv(header, summary.Tuners.Select(tuner =>
        {
            var row = new List<string> { tuner.Tuner, Count(tuner.Curves.Count), Count(tuner.Evaluated), Count(tuner.Reused) };
            row.AddRange(tuner.Checkpoints.SelectMany(c => Cells(c.Best)));
            row.AddRange([Number(tuner.MeanRank), Number(tuner.WinRateVsBaseline)]);
            if (reference is not null)
            {
                var test = tuner.ReferenceTest;
                var lower = test is null ? null : (int?)ComparisonNumbers.Lower(summary.Tuners.Single(t => t.Tuner == reference), tuner);
                row.AddRange([
                    lower is { } l ? Count(l) : "", Number(test?.RankSumPositive), Number(test?.RankSumNegative),
                    test is null ? "" : Count(test.NonZero), Number(test?.PValue), test is null ? "" : Method(test.Method),
                ]);
            }

            row.Add(Number(tuner.TrialSeconds));
            row.AddRange(summary.MetricKeys.SelectMany(key => tuner.Metrics.TryGetValue(key, out var q) ? Cells(q) : ["", "", ""]));
            return row;
        }));
    }

    public static string RunsCsv(ComparisonSummary summary)
    {
        var checkpoints = summary.Checkpoints;
        var metricKeys = summary.Tuners.SelectMany(t => t.Curves).SelectMany(c => c.BestMetrics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        List<string> header = ["tuner", "seed", "evaluated", "final_best", .. checkpoints.Select(n => $"best_after_{n.ToString(CultureInfo.InvariantCulture)}"), "trial_seconds", "reused", .. metricKeys.Select(k => "best_" + k)];
        return Csv(header, summary.Tuners.SelectMany(tuner => tuner.Curves.Select(run => (IReadOnlyList<string>)
        [
            tuner.Tuner, Count(run.Seed), Count(run.Best.Count), Number(run.Final),
            .. checkpoints.Select(n => Number(run.After(n))),
            Number(run.TrialSeconds), Count(run.Reused),
            .. metricKeys.Select(k => run.BestMetrics.TryGetValue(k, out var v) ? Number(v) : ""),
        ])));
    }

    public static string Json(ComparisonReportInput input)
    {
        var summary = input.Summary;
        var plan = summary.Plan;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("objective", input.ObjectiveLabel);
            json.WriteString("value", input.ValueName);
            json.WriteString("studies", $"compare/{plan.ObjectiveName}/<tuner>/seed-<n>");
            json.WriteNumber("budget", plan.Budget);
            json.WriteNumber("seeds", plan.Seeds);
            json.WriteNumber("first_seed", plan.FirstSeed);
            json.WriteString("generated_at", input.GeneratedAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteStartObject("facts");
            foreach (var (label, value) in input.Facts)
            {
                json.WriteString(label, value);
            }

            json.WriteEndObject();
            WriteNullable(json, "reference", summary.Reference);
            WriteNullable(json, "baseline", summary.Baseline);
            json.WriteStartArray("checkpoints");
            foreach (var n in summary.Checkpoints)
            {
                json.WriteNumberValue(n);
            }

            json.WriteEndArray();
            json.WriteStartArray("tuners");
            foreach (var tuner in summary.Tuners)
            {
                WriteTuner(json, summary, tuner);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteTuner(Utf8JsonWriter json, ComparisonSummary summary, TunerSummary tuner)
    {
        json.WriteStartObject();
        json.WriteString("tuner", tuner.Tuner);
        json.WriteNumber("evaluated", tuner.Evaluated);
        json.WriteNumber("reused", tuner.Reused);
        WriteNumber(json, "trial_seconds", tuner.TrialSeconds);
        WriteNumber(json, "mean_rank", tuner.MeanRank);
        WriteNumber(json, "win_rate_vs_baseline", tuner.WinRateVsBaseline);
        json.WriteStartObject("best_after");
        foreach (var checkpoint in tuner.Checkpoints)
        {
            WriteQuartiles(json, checkpoint.Evaluations.ToString(CultureInfo.InvariantCulture), checkpoint.Best);
        }

        json.WriteEndObject();
        if (tuner.ReferenceTest is { } test)
        {
            json.WriteStartObject("wilcoxon_vs_reference");
            json.WriteNumber("pairs", test.Pairs);
            json.WriteNumber("n", test.NonZero);
            WriteNumber(json, "w_plus", test.RankSumPositive);
            WriteNumber(json, "w_minus", test.RankSumNegative);
            WriteNumber(json, "statistic", test.Statistic);
            WriteNumber(json, "p", test.PValue);
            json.WriteString("method", Method(test.Method));
            json.WriteNumber("reference_lower_seeds", ComparisonNumbers.Lower(summary.Tuners.Single(t => t.Tuner == summary.Reference), tuner));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("wilcoxon_vs_reference");
        }

        json.WriteStartObject("best_metrics");
        foreach (var (key, q) in tuner.Metrics)
        {
            WriteQuartiles(json, key, q);
        }

        json.WriteEndObject();
        json.WriteStartArray("runs");
        foreach (var run in tuner.Curves)
        {
            json.WriteStartObject();
            json.WriteNumber("seed", run.Seed);
            WriteNumber(json, "final_best", run.Final);
            WriteNumber(json, "trial_seconds", run.TrialSeconds);
            json.WriteNumber("reused", run.Reused);
            json.WriteStartArray("best_so_far");
            foreach (var value in run.Best)
            {
                WriteNumberValue(json, value);
            }

            json.WriteEndArray();
            json.WriteStartObject("best_metrics");
            foreach (var (key, value) in run.BestMetrics.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                WriteNumber(json, key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true))
        {
            foreach (var row in rows.Prepend(header))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        }

        return writer.ToString();
    }

    private static string[] Quartiles(string name) => [name + "_median", name + "_q1", name + "_q3"];

    private static string[] Cells(QuantileSummary q) => [Number(q.Median), Number(q.LowerQuartile), Number(q.UpperQuartile)];

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Method(WilcoxonMethod method) => method == WilcoxonMethod.Exact ? "exact" : "normal";

    private static void WriteQuartiles(Utf8JsonWriter json, string name, QuantileSummary q)
    {
        json.WriteStartObject(name);
        WriteNumber(json, "median", q.Median);
        WriteNumber(json, "q1", q.LowerQuartile);
        WriteNumber(json, "q3", q.UpperQuartile);
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        WriteNumberValue(json, value);
    }

    private static void WriteNumberValue(Utf8JsonWriter json, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
