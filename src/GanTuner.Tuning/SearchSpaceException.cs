namespace GanTuner.Tuning;

/// <summary>A search space that cannot be used, with a message that says which parameter and why.</summary>
public sealed class SearchSpaceException : Exception
{
    public SearchSpaceException(string message)
        : base(message)
    {
    }

    public SearchSpaceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SearchSpaceException()
    {
    }
}
