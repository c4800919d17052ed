using System.Collections.Concurrent;
using GanTuner.Dashboard.Live;
using GanTuner.Storage;

namespace GanTuner.Dashboard.Views;

/// <summary>The dashboard's only way into the store. Each study is read once per store version (one short
/// read transaction: <see cref="IStudyStore.GetTrials"/>) and shared by every request until the next write.</summary>
internal sealed class StoreReader(IStudyStore store, ChangeFeed feed, string workingDirectory)
{
    private readonly ConcurrentDictionary<string, StudySnapshot> _studies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _loading = new(StringComparer.Ordinal);
    private readonly Lock _listGate = new();
    private (long Version, IReadOnlyList<StudyRecord> Studies)? _list;

    public string WorkingDirectory { get; } = workingDirectory;

    public long Version => feed.Check();

    public IReadOnlyList<StudyRecord> ListStudies()
    {
        var version = feed.Check();
        lock (_listGate)
        {
            if (_list is { } cached && cached.Version == version)
            {
                return cached.Studies;
            }

            var studies = store.ListStudies();
            _list = (version, studies);
            return studies;
        }
    }

    /// <summary>The study as of the store's current version, or null when there is no such study.</summary>
    public StudySnapshot? Study(string name)
    {
        var version = feed.Check();
        if (_studies.TryGetValue(name, out var cached) && cached.Version == version)
        {
            return cached;
        }

        var gate = _loading.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        try
        {
            if (_studies.TryGetValue(name, out cached) && cached.Version == version)
            {
                return cached;
            }

            var study = store.FindStudy(name);
            if (study is null)
            {
                _studies.TryRemove(name, out _);
                return null;
            }

            var snapshot = new StudySnapshot(study, store.GetTrials(name), version);
            _studies[name] = snapshot;
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }
}
