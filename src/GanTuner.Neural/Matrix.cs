namespace GanTuner.Neural;

/// <summary>A dense row-major matrix of doubles: a batch of rows for the MLP API.</summary>
public sealed class Matrix
{
    /// <summary>A zero matrix.</summary>
    public Matrix(int rows, int columns)
        : this(rows, columns, new double[checked(rows * columns)])
    {
    }

    /// <summary>Wraps <paramref name="data"/> (row-major, not copied).</summary>
    public Matrix(int rows, int columns, double[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != rows * columns)
        {
            throw new ArgumentException($"Expected {rows * columns} values for a {rows}×{columns} matrix, got {data.Length}.", nameof(data));
        }

        Rows = rows;
        Columns = columns;
        Data = data;
    }

    /// <summary>Number of rows (the batch size).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Columns { get; }

    /// <summary>The values, row-major; writable.</summary>
    public double[] Data { get; }

    /// <summary>Element at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public double this[int row, int column]
    {
        get => Data[(row * Columns) + column];
        set => Data[(row * Columns) + column] = value;
    }

    /// <summary>One row as a writable span.</summary>
    public Span<double> Row(int row) => Data.AsSpan(row * Columns, Columns);

    /// <summary>Builds a matrix from jagged rows of equal length.</summary>
    public static Matrix FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Count == 0 ? 0 : rows[0].Length;
        var m = new Matrix(rows.Count, columns);
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != columns)
            {
                throw new ArgumentException("All rows must have the same length.", nameof(rows));
            }

            rows[r].CopyTo(m.Row(r));
        }

        return m;
    }

    /// <summary>A deep copy.</summary>
    public Matrix Clone() => new(Rows, Columns, (double[])Data.Clone());
}
