namespace GanTuner.Data.Yahoo;

/// <summary>A download from Yahoo Finance failed in a way the user must act on: unknown symbol, bad answer, no network.</summary>
public sealed class YahooFinanceException : Exception
{
    public YahooFinanceException()
    {
    }

    public YahooFinanceException(string message)
        : base(message)
    {
    }

    public YahooFinanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
