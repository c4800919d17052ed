namespace GanTuner.Tuning.Studies;

/// <summary>A study request that contradicts the stored study (another tuner, seed or space under the
/// same name) or names a study that does not exist.</summary>
public sealed class StudyException : Exception
{
    public StudyException(string message)
        : base(message)
    {
    }

    public StudyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StudyException()
    {
    }
}
