namespace GanTuner.Data.Csv;

/// <summary>
/// How to read a price file. With no <see cref="DateColumn"/> or <see cref="ValueColumn"/> the columns are
/// detected from the header (Yahoo, lower-case and Stooq layouts); naming them reads any other layout.
/// </summary>
/// <param name="Column">Which detected price column is modelled; ignored when <paramref name="ValueColumn"/> is set.</param>
/// <param name="DateColumn">Header of the date column, matched ignoring case.</param>
/// <param name="ValueColumn">Header of the price column to model, matched ignoring case.</param>
public sealed record CsvReadOptions(
    PriceColumn Column = PriceColumn.Close,
    string? DateColumn = null,
    string? ValueColumn = null)
{
    public static CsvReadOptions Default { get; } = new();

    /// <summary>The series to model once the file is read: a named value column is stored as the close.</summary>
    public PriceColumn ModelledColumn => ValueColumn is null ? Column : PriceColumn.Close;
}
