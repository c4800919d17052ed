namespace GanTuner.Data.Yahoo;

/// <summary>
/// Keeps one Yahoo download per symbol on disk (<c>$XDG_CACHE_HOME/gantuner</c> or <c>~/.cache/gantuner</c>) so
/// that commands taking <c>--symbol</c> work repeatedly without hitting Yahoo, refreshing files older than a day.
/// </summary>
public sealed class SymbolCache
{
    public const string DirectoryVariable = "GANTUNER_CACHE_DIR";

    public SymbolCache(string directory, TimeSpan maxAge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        MaxAge = maxAge;
    }

    public string Directory { get; }

    public TimeSpan MaxAge { get; }

    /// <summary>The cache under <c>GANTUNER_CACHE_DIR</c>, else the XDG cache directory, with a one-day lifetime.</summary>
    public static SymbolCache Default()
    {
        var explicitDir = Environment.GetEnvironmentVariable(DirectoryVariable);
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var directory = !string.IsNullOrWhiteSpace(explicitDir) ? explicitDir
            : !string.IsNullOrWhiteSpace(xdg) ? Path.Combine(xdg, "gantuner")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "gantuner");
        return new SymbolCache(directory, TimeSpan.FromDays(1));
    }

    public string PathFor(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        // Symbols such as ^GSPC or BRK/B must still make one safe file name.
        var safe = string.Concat(symbol.Trim().Select(c => char.IsLetterOrDigit(c) || c is '^' or '.' or '-' or '=' ? c : '_'));
        return Path.Combine(Directory, safe + ".csv");
    }

    /// <summary>The cached file for <paramref name="symbol"/>, downloading the full history first if it is missing or stale.</summary>
    public async Task<string> GetAsync(string symbol, YahooFinanceClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var path = PathFor(symbol);
        var fresh = File.Exists(path) && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) < MaxAge;
        if (!fresh)
        {
            await client.DownloadAsync(symbol, path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return path;
    }
}
