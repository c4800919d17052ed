using GanTuner.Data;
using GanTuner.Data.Yahoo;

namespace GanTuner.Cli.Tests.Data;

public sealed class CliErrorsTests
{
    private static (int Code, string Text) Handle(Exception e)
    {
        using var error = new StringWriter();
        var code = CliErrors.Handle(e, error);
        return (code, error.ToString());
    }

    [Fact]
    public void User_errors_are_one_line_and_exit_2()
    {
        Assert.Equal((2, "gantuner: f.csv, line 3: bad\n"), Handle(new PriceDataException("f.csv, line 3: bad")));
        Assert.Equal((2, "gantuner: no such symbol\n"), Handle(new YahooFinanceException("no such symbol")));
    }

    [Fact]
    public void Multi_line_messages_are_folded_into_one_line()
    {
        Assert.Equal((2, "gantuner: first second\n"), Handle(new PriceDataException("first\n  second\n")));
    }

    [Fact]
    public void Other_exceptions_are_internal_errors_with_exit_1_and_no_stack_trace()
    {
        var (code, text) = Handle(new InvalidOperationException("boom"));

        Assert.Equal(1, code);
        Assert.Equal("gantuner: internal error: InvalidOperationException: boom\n", text);
    }

    [Fact]
    public void Cancellation_exits_130_and_aggregates_are_unwrapped()
    {
        Assert.Equal(130, Handle(new OperationCanceledException()).Code);
        Assert.Equal(2, Handle(new AggregateException(new PriceDataException("x"))).Code);
    }
}
