namespace Vrf.Method;

/// <summary>A dense row-major matrix of doubles: one row per sample, one column per class or feature.</summary>
public sealed class Matrix
{
    /// <summary>Wraps <paramref name="data"/> (not copied) as a <paramref name="rows"/> × <paramref name="columns"/> matrix.</summary>
    public Matrix(int rows, int columns, double[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (long)rows * columns)
        {
            throw new ArgumentException($"A {rows}x{columns} matrix needs {(long)rows * columns} values, got {data.Length}.", nameof(data));
        }
        Rows = rows;
        Columns = columns;
        Data = data;
    }

    /// <summary>A matrix of zeros.</summary>
    public Matrix(int rows, int columns)
        : this(rows, columns, new double[(long)rows * columns])
    {
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The values, row after row.</summary>
    public double[] Data { get; }

    public double this[int row, int column]
    {
        get => Data[Offset(row, column)];
        set => Data[Offset(row, column)] = value;
    }

    /// <summary>Copies equally long rows into a new matrix.</summary>
    public static Matrix FromRows(IReadOnlyList<double[]> rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var matrix = new Matrix(rows.Count, columns);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values, expected {columns}.", nameof(rows));
            }
            rows[i].CopyTo(matrix.Row(i));
        }
        return matrix;
    }

    public Span<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return Data.AsSpan(row * Columns, Columns);
    }

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public Matrix SelectRows(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var selected = new Matrix(indices.Count, Columns);
        for (var i = 0; i < indices.Count; i++)
        {
            Row(indices[i]).CopyTo(selected.Row(i));
        }
        return selected;
    }

    /// <summary>Each row divided by its Euclidean norm; a zero row cannot be normalised and is rejected.</summary>
    public Matrix L2NormalizedRows()
    {
        var normalized = new Matrix(Rows, Columns);
        for (var i = 0; i < Rows; i++)
        {
            var source = Row(i);
            var norm = Math.Sqrt(Dot(source, source));
            if (norm == 0)
            {
                throw new InvalidOperationException($"Row {i} is the zero vector and has no direction.");
            }
            var target = normalized.Row(i);
            for (var j = 0; j < Columns; j++)
            {
                target[j] = source[j] / norm;
            }
        }
        return normalized;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            sum += x[j] * y[j];
        }
        return sum;
    }

    private int Offset(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        return row * Columns + column;
    }
}
