namespace GanTuner.Dashboard.Analysis;

/// <summary>Fewer points for a chart than a study has trials, chosen so the picture stays true: the best
/// ones are always kept, the rest evenly spread; a scatter keeps each bucket's lowest and highest value.</summary>
internal static class Downsample
{
    /// <summary>At most <paramref name="limit"/> items in their original order: the
    /// <paramref name="keepBest"/> with the lowest score, and an even stride over the others.</summary>
    public static IReadOnlyList<T> BestAndStride<T>(IReadOnlyList<T> items, int limit, int keepBest, Func<T, double> score)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(score);
        if (items.Count <= limit)
        {
            return items;
        }

        var keep = new bool[items.Count];
        foreach (var index in Enumerable.Range(0, items.Count).OrderBy(i => score(items[i])).Take(Math.Min(keepBest, limit)))
        {
            keep[index] = true;
        }

        var rest = limit - Math.Min(keepBest, limit);
        var step = (double)items.Count / Math.Max(1, rest);
        for (var k = 0; k < rest; k++)
        {
            keep[Math.Min(items.Count - 1, (int)(k * step))] = true;
        }

        return [.. items.Where((_, i) => keep[i])];
    }

    /// <summary>For points sorted by x: per bucket of equal x width, the points with the lowest and the
    /// highest y (at most 2 × <paramref name="buckets"/> points), so spikes and the floor both survive.</summary>
    public static IReadOnlyList<(double X, double Y)> MinMaxBuckets(IReadOnlyList<(double X, double Y)> points, int buckets)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count <= 2 * buckets)
        {
            return points;
        }

        var first = points[0].X;
        var width = Math.Max(points[^1].X - first, 1e-12) / buckets;
        var kept = new List<(double, double)>(2 * buckets);
        var i = 0;
        while (i < points.Count)
        {
            var bucket = Math.Min(buckets - 1, (int)((points[i].X - first) / width));
            var low = i;
            var high = i;
            var j = i;
            for (; j < points.Count && Math.Min(buckets - 1, (int)((points[j].X - first) / width)) == bucket; j++)
            {
                if (points[j].Y < points[low].Y)
                {
                    low = j;
                }

                if (points[j].Y > points[high].Y)
                {
                    high = j;
                }
            }

            kept.Add(points[Math.Min(low, high)]);
            if (low != high)
            {
                kept.Add(points[Math.Max(low, high)]);
            }

            i = j;
        }

        return kept;
    }
}
