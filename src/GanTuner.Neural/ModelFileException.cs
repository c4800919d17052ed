namespace GanTuner.Neural;

/// <summary>A model file that cannot be read or written: wrong format, unknown version, damaged content, unwritable path (a user error).</summary>
public sealed class ModelFileException : Exception
{
    public ModelFileException()
    {
    }

    public ModelFileException(string message)
        : base(message)
    {
    }

    public ModelFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
