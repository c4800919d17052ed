namespace GanTuner.Reporting.Model;

/// <summary>A contiguous stretch of the price series with one role (train, validation, test), as indices
/// into <see cref="PriceHistory.Dates"/>: rows <see cref="Start"/> to <see cref="Start"/> + <see cref="Count"/> − 1.</summary>
public sealed record SeriesSegment(string Name, int Start, int Count)
{
    public int End => Start + Count;
}
