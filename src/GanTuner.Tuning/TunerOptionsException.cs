namespace GanTuner.Tuning;

/// <summary>An unknown tuner name, or a tuner setting that is unknown or out of range.</summary>
public sealed class TunerOptionsException : Exception
{
    public TunerOptionsException(string message)
        : base(message)
    {
    }

    public TunerOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TunerOptionsException()
    {
    }
}
