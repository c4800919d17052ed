namespace GanTuner.Reporting;

/// <summary>A report that cannot be made for a reason the user can fix: an unknown study, an unreadable
/// predictions file. Its message is one line written for the user.</summary>
public sealed class ReportException : Exception
{
    public ReportException()
    {
    }

    public ReportException(string message)
        : base(message)
    {
    }

    public ReportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
