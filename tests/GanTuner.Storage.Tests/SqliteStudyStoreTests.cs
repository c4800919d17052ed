using GanTuner.Storage;
using Microsoft.Data.Sqlite;

namespace GanTuner.Storage.Tests;

public sealed class SqliteStudyStoreTests : StudyStoreContract
{
    // Field initialisers run before the base constructor, which calls CreateStore.
    private readonly string _folder = Directory.CreateTempSubdirectory("gantuner-store-").FullName;

    /// <summary>A second file in the same folder, for tests about opening files.</summary>
    private string FilePath => Path.Combine(_folder, "other.db");

    protected override IStudyStore CreateStore() => new SqliteStudyStore(Path.Combine(_folder, "studies.db"));

    protected override IStudyStore Reopen(IStudyStore store)
    {
        var path = ((SqliteStudyStore)store).Path;
        ((SqliteStudyStore)store).Dispose();
        return new SqliteStudyStore(path, createIfMissing: false);
    }

    protected override void Dispose(bool disposing)
    {
        ((SqliteStudyStore)Store).Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        base.Dispose(disposing);
    }

    [Fact]
    public void A_new_file_gets_the_current_schema_version_and_a_write_ahead_log()
    {
        using var store = new SqliteStudyStore(FilePath);

        Assert.Equal(SqliteStudyStore.SchemaVersion, QueryLong(FilePath, "SELECT version FROM schema_version"));
        Assert.Equal("wal", QueryText(FilePath, "PRAGMA journal_mode"));
    }

    [Fact]
    public void Opening_a_missing_file_without_create_is_a_clear_error()
    {
        var error = Assert.Throws<StudyStoreException>(() => new SqliteStudyStore(FilePath, createIfMissing: false));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(FilePath));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_a_clear_error()
    {
        File.WriteAllText(FilePath, "Date,Close\n2020-01-02,3257.85\n" + new string('x', 4096));

        var error = Assert.Throws<StudyStoreException>(() => new SqliteStudyStore(FilePath));

        Assert.Contains("not a GanTuner study store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_from_a_newer_version_is_refused()
    {
        new SqliteStudyStore(FilePath).Dispose();
        Execute(FilePath, "UPDATE schema_version SET version = 99");

        var error = Assert.Throws<StudyStoreException>(() => new SqliteStudyStore(FilePath));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_stores_on_one_file_run_studies_in_parallel()
    {
        const int Studies = 3, Trials = 10;

        Parallel.For(0, Studies, new ParallelOptions { MaxDegreeOfParallelism = Studies }, index =>
        {
            // One store object per worker, as separate processes would have.
            using var store = new SqliteStudyStore(FilePath);
            var name = $"study-{index}";
            store.TryCreateStudy(Study(name));
            for (var number = 0; number < Trials; number++)
            {
                var trial = store.TryCreateTrial(name, Draft(number), new StudyProgress(number, number))!;
                store.FinishTrial(name, trial.Number, Complete(number));
            }
        });
        using var reader = new SqliteStudyStore(FilePath);

        Assert.Equal(Studies, reader.ListStudies().Count);
        Assert.All(reader.ListStudies(), s => Assert.Equal(Trials, reader.GetTrials(s.Name).Count(t => t.State == TrialState.Complete)));
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long QueryLong(string path, string sql) => Convert.ToInt64(Query(path, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static string QueryText(string path, string sql) => (string)Query(path, sql)!;

    private static object? Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
