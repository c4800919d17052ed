using GanTuner.Tuning;

namespace GanTuner.Tuning.Tests;

public sealed class ParameterSetTests
{
    [Fact]
    public void Equal_values_make_equal_sets_whatever_the_order()
    {
        var a = new ParameterSet([new("units", ParameterValue.OfInteger(17)), new("activation", ParameterValue.OfText("relu"))]);
        var b = new ParameterSet([new("activation", ParameterValue.OfText("relu")), new("units", ParameterValue.OfInteger(17))]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("activation=\"relu\";units=17", a.Key);
        Assert.Contains(b, new HashSet<ParameterSet> { a });
    }

    [Fact]
    public void A_different_value_makes_a_different_set()
    {
        var a = new ParameterSet([new("lr", ParameterValue.OfReal(0.001))]);
        var b = new ParameterSet([new("lr", ParameterValue.OfReal(0.0010000000000000002))]);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Typed_getters_read_values_and_refuse_the_wrong_kind()
    {
        var set = SearchSpace.Table1().Decode([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);

        Assert.Equal(3, set.GetInt32("layers"));
        Assert.Equal(256, set.GetInt32("batch_size"));
        Assert.Equal(0.5, set.GetDouble("dropout"));
        Assert.Equal(3.0, set.GetDouble("layers"));
        Assert.Throws<InvalidOperationException>(() => set.GetInt32("dropout"));
        Assert.Throws<KeyNotFoundException>(() => set.GetInt32("epochs"));
    }
}
