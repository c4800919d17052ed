namespace GanTuner.Studies.Tests;

/// <summary>A folder for one test's store and files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gantuner-studies-").FullName;

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
