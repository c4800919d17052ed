namespace GanTuner.Neural.Tests;

public sealed class SeededRandomTests
{
    [Fact]
    public void Same_seed_gives_the_same_stream()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextUInt64()), Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void Derived_streams_depend_on_the_seed_and_name_only()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        b.NextDouble();
        b.NextGaussian();

        Assert.Equal(a.Derive("init").NextUInt64(), b.Derive("init").NextUInt64());
        Assert.NotEqual(a.Derive("init").NextUInt64(), a.Derive("shuffle").NextUInt64());
        Assert.NotEqual(a.Derive(1).NextUInt64(), a.Derive(2).NextUInt64());
        Assert.NotEqual(new SeededRandom(43).Derive("init").NextUInt64(), a.Derive("init").NextUInt64());
    }

    [Fact]
    public void Uniform_and_gaussian_draws_have_the_expected_moments()
    {
        var r = new SeededRandom(5);
        var u = Enumerable.Range(0, 20000).Select(_ => r.NextDouble()).ToArray();
        var g = Enumerable.Range(0, 20000).Select(_ => r.NextGaussian()).ToArray();
        Assert.All(u, x => Assert.InRange(x, 0.0, 1.0 - 1e-17));
        Assert.InRange(u.Average(), 0.49, 0.51);
        Assert.InRange(g.Average(), -0.03, 0.03);
        Assert.InRange(g.Select(x => x * x).Average(), 0.96, 1.04);
    }

    [Fact]
    public void NextInt_covers_its_range_without_leaving_it()
    {
        var r = new SeededRandom(9);
        var counts = new int[7];
        for (var i = 0; i < 7000; i++)
        {
            counts[r.NextInt(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void Shuffle_is_a_seeded_permutation()
    {
        var a = Enumerable.Range(0, 50).ToArray();
        var b = Enumerable.Range(0, 50).ToArray();
        new SeededRandom(3).Shuffle<int>(a);
        new SeededRandom(3).Shuffle<int>(b);
        Assert.Equal(a, b);
        Assert.NotEqual(Enumerable.Range(0, 50), a);
        Assert.Equal(Enumerable.Range(0, 50), a.Order());
    }
}
