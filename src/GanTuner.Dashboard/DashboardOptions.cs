namespace GanTuner.Dashboard;

/// <summary>Where the dashboard listens and how often it looks for changes in the store.</summary>
/// <param name="Host">An IP address or <c>localhost</c>; the loopback address unless told otherwise, so a
/// study's results are not served to the network by default.</param>
/// <param name="Port">The TCP port; 0 takes a free one (tests), see <see cref="DashboardServer.Address"/>.</param>
/// <param name="ChangeCheckInterval">How often the server asks the store whether anything was written. The
/// check is one cheap query (SQLite's <c>PRAGMA data_version</c>); pages are told of changes by a push.</param>
/// <param name="WorkingDirectory">Where a study's relative output folder (its predictions) is looked for.</param>
public sealed record DashboardOptions(
    string Host = DashboardOptions.LoopbackHost,
    int Port = DashboardOptions.DefaultPort,
    TimeSpan? ChangeCheckInterval = null,
    string? WorkingDirectory = null)
{
    public const string LoopbackHost = "127.0.0.1";
    public const int DefaultPort = 8080;

    internal TimeSpan CheckInterval => ChangeCheckInterval ?? TimeSpan.FromMilliseconds(250);
}
