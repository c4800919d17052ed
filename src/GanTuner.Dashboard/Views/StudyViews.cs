using System.Globalization;
using GanTuner.Dashboard.Analysis;
using GanTuner.Dashboard.Charts;
using GanTuner.Storage;
using GanTuner.Tuning;

namespace GanTuner.Dashboard.Views;

/// <summary>Builds the API's answers from snapshots: aggregated and downsampled on the server, so a page of a
/// 10,000-trial study receives a few hundred points and one page of the table, never every trial.</summary>
internal static class StudyViews
{
    public const int MaxPageSize = 500;

    public static StudyDetail Detail(StudySnapshot snapshot)
    {
        var importance = snapshot.Importance;
        var history = Downsample.MinMaxBuckets(
            [.. snapshot.Complete.Select(t => ((double)t.Number, t.Value!.Value))], HistoryChart.Buckets);
        var best = HistoryChart.Steps(snapshot.BestSoFar(), Math.Max(0, snapshot.Trials.Count - 1));
        return new StudyDetail(
            StudySummary.Of(snapshot),
            snapshot.Study.Direction.ToString(),
            snapshot.Space is { } space ? [.. space.Parameters.Select(Describe)] : [.. snapshot.ParameterNames.Select(n => new ParameterInfo(n, "?", ""))],
            snapshot.Study.UserAttributes,
            new ImportanceInfo(importance.Method, [.. importance.Shares.Select(s => new ImportanceShare(s.Name, s.Share))], importance.Note),
            [.. snapshot.Injections.Select(r => new TrialRange(r.First, r.Last))],
            [.. history.Select(p => new ChartPoint(p.X, p.Y))],
            [.. best.Select(p => new ChartPoint(p.Number, p.Best))],
            snapshot.Version);
    }

    /// <summary>One page of the trial table: filtered by state (all, complete, failed, pruned, running),
    /// sorted by number, value, state, seconds or a parameter's name.</summary>
    public static TrialTable Table(StudySnapshot snapshot, string? state, string? sort, bool descending, int offset, int limit)
    {
        IEnumerable<TrialRecord> rows = snapshot.Trials;
        if (!string.IsNullOrEmpty(state) && !state.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            rows = Enum.TryParse<TrialState>(state, ignoreCase: true, out var wanted) ? rows.Where(t => t.State == wanted) : [];
        }

        var filtered = rows.ToList();
        var ordered = Order(filtered, sort ?? "number", descending);
        offset = Math.Clamp(offset, 0, Math.Max(0, filtered.Count));
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var counts = Enum.GetValues<TrialState>().ToDictionary(s => s.ToString(), snapshot.Count, StringComparer.Ordinal);
        counts["All"] = snapshot.Trials.Count;
        return new TrialTable(filtered.Count, offset, [.. ordered.Skip(offset).Take(limit).Select(TrialFacts.Row)], counts, snapshot.Version);
    }

    public static TrialDetail? Trial(StudySnapshot snapshot, int number, string workingDirectory)
    {
        if (number < 0 || number >= snapshot.Trials.Count)
        {
            return null;
        }

        var trial = snapshot.Trials[number];
        var (_, forecast) = TestForecasts.Load(snapshot, number, workingDirectory);
        return new TrialDetail(
            snapshot.Study.Name,
            TrialFacts.Row(trial),
            trial.Parameters.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal),
            trial.FinishedAt,
            TrialFacts.Metrics(trial),
            trial.Attributes,
            TrialFacts.Losses(trial),
            forecast,
            snapshot.Version);
    }

    private static IEnumerable<TrialRecord> Order(List<TrialRecord> rows, string sort, bool descending)
    {
        // Missing values (a failed trial's) sort last in either direction, as a spreadsheet does.
        IOrderedEnumerable<TrialRecord> ordered = sort switch
        {
            "value" => rows.OrderBy(t => t.Value is null).ThenBy(t => t.Value ?? 0, descending),
            "state" => rows.OrderBy(t => t.State.ToString(), StringComparer.Ordinal, descending),
            "seconds" => rows.OrderBy(t => t.Duration is null).ThenBy(t => t.Duration ?? TimeSpan.Zero, descending),
            _ when sort.StartsWith("param:", StringComparison.Ordinal) => ByParameter(rows, sort["param:".Length..], descending),
            _ => rows.OrderBy(t => t.Number, descending),
        };
        return ordered.ThenBy(t => t.Number);
    }

    private static IOrderedEnumerable<TrialRecord> ByParameter(List<TrialRecord> rows, string name, bool descending)
    {
        var keyed = rows.OrderBy(t => !t.Parameters.ContainsKey(name));
        return rows.All(t => !t.Parameters.TryGetValue(name, out var v) || v.Number is not null)
            ? keyed.ThenBy(t => t.Parameters.GetValueOrDefault(name).Number ?? 0, descending)
            : keyed.ThenBy(t => t.Parameters.TryGetValue(name, out var v) ? v.ToString() : "", StringComparer.Ordinal, descending);
    }

    private static IOrderedEnumerable<T> OrderBy<T, TKey>(this IEnumerable<T> source, Func<T, TKey> key, bool descending) =>
        descending ? source.OrderByDescending(key) : source.OrderBy(key);

    private static IOrderedEnumerable<T> OrderBy<T, TKey>(this IEnumerable<T> source, Func<T, TKey> key, IComparer<TKey> comparer, bool descending) =>
        descending ? source.OrderByDescending(key, comparer) : source.OrderBy(key, comparer);

    private static IOrderedEnumerable<T> ThenBy<T, TKey>(this IOrderedEnumerable<T> source, Func<T, TKey> key, bool descending) =>
        descending ? source.ThenByDescending(key) : source.ThenBy(key);

    private static IOrderedEnumerable<T> ThenBy<T, TKey>(this IOrderedEnumerable<T> source, Func<T, TKey> key, IComparer<TKey> comparer, bool descending) =>
        descending ? source.ThenByDescending(key, comparer) : source.ThenBy(key, comparer);

    private static ParameterInfo Describe(SearchParameter parameter) => new(parameter.Name, parameter.Kind, parameter switch
    {
        RealParameter r => Invariant($"{r.Low} to {r.High}{(r.Log ? ", log" : "")}"),
        IntegerParameter i => Invariant($"{i.Low} to {i.High}"),
        SteppedParameter s => Invariant($"{s.Low} to {s.High} step {s.Step}"),
        PowerOfTwoParameter p => Invariant($"{p.Low} to {p.High}, powers of two"),
        CategoricalParameter c => string.Join(", ", c.Choices),
        _ => "",
    });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
