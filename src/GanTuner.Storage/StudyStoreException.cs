namespace GanTuner.Storage;

/// <summary>A request the store cannot honour for a reason the user can fix: an unknown study, a trial
/// that is already finished, a file that is not a GanTuner database or was written by a newer version.</summary>
public sealed class StudyStoreException : Exception
{
    public StudyStoreException(string message)
        : base(message)
    {
    }

    public StudyStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StudyStoreException()
    {
    }
}
