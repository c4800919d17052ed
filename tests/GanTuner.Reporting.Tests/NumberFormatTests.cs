using GanTuner.Reporting.Text;

namespace GanTuner.Reporting.Tests;

public sealed class NumberFormatTests
{
    [Theory]
    [InlineData(0.000049, "4.9e-5")]
    [InlineData(0.0070001, "0.007")]
    [InlineData(0.026253, "0.02625")]
    [InlineData(15.930585, "15.93")]
    [InlineData(1234.56, "1235")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0, "0")]
    public void Values_keep_four_significant_digits_without_trailing_zeros(double value, string expected) =>
        Assert.Equal(expected, NumberFormat.Value(value));

    [Theory]
    [InlineData(34, "34")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.2, "0.2")]
    [InlineData(0.000123456, "0.0001235")]
    [InlineData(0.00001, "1e-5")]
    public void Parameters_print_as_a_person_writes_them(double value, string expected) =>
        Assert.Equal(expected, NumberFormat.Parameter(value));
}
