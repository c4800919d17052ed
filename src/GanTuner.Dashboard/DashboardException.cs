namespace GanTuner.Dashboard;

/// <summary>The dashboard cannot start for a reason the user can fix (a bad host, a port in use).</summary>
public sealed class DashboardException : Exception
{
    public DashboardException(string message)
        : base(message)
    {
    }

    public DashboardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DashboardException()
    {
    }
}
