namespace GanTuner.Data;

/// <summary>
/// Bad price data supplied by the user: an unreadable file, a malformed row, or too little data for the
/// chosen protocol. The message is one line that names the source, the line (when there is one) and the fault,
/// so the command line can show it as is.
/// </summary>
public sealed class PriceDataException : Exception
{
    public PriceDataException()
    {
    }

    public PriceDataException(string message)
        : base(message)
    {
    }

    public PriceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
