namespace GanTuner.Neural.Tests;

public sealed class InitializerTests
{
    [Theory]
    [InlineData(3, 12)]
    [InlineData(12, 3)]
    [InlineData(5, 5)]
    public void Orthogonal_gives_orthonormal_rows_or_columns(int rows, int columns)
    {
        var w = new double[rows * columns];
        Initializers.Orthogonal<double>(w, rows, columns, new SeededRandom(1));
        var byRows = rows <= columns;
        var count = byRows ? rows : columns;
        var length = byRows ? columns : rows;
        double At(int vector, int k) => byRows ? w[(vector * columns) + k] : w[(k * columns) + vector];
        for (var a = 0; a < count; a++)
        {
            for (var b = 0; b < count; b++)
            {
                var dot = Enumerable.Range(0, length).Sum(k => At(a, k) * At(b, k));
                Assert.Equal(a == b ? 1.0 : 0.0, dot, 10);
            }
        }
    }

    [Fact]
    public void Glorot_uniform_stays_within_its_limit_and_fills_it()
    {
        var w = new double[4000];
        Initializers.GlorotUniform<double>(w, 10, 20, new SeededRandom(2));
        var limit = Math.Sqrt(6.0 / 30);
        Assert.All(w, v => Assert.InRange(v, -limit, limit));
        Assert.True(w.Max() > 0.95 * limit && w.Min() < -0.95 * limit);
    }
}
