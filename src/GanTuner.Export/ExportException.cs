namespace GanTuner.Export;

/// <summary>An export the user can fix: an unknown study, an output file that exists, a folder that does not.</summary>
public sealed class ExportException : Exception
{
    public ExportException(string message)
        : base(message)
    {
    }

    public ExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExportException()
    {
    }
}
