using GanTuner.Storage;
using Microsoft.Data.Sqlite;

namespace GanTuner.Storage.Tests;

public sealed class SqliteReadOnlyStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gantuner-readonly-").FullName;

    private string FilePath => Path.Combine(_folder, "studies.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_read_only_store_reads_what_the_writer_wrote_and_refuses_every_write()
    {
        using var writer = new SqliteStudyStore(FilePath);
        writer.TryCreateStudy(new StudyRecord("s", "{}", "random", "{}", 1, DateTimeOffset.UnixEpoch));
        using var reader = SqliteStudyStore.OpenReadOnly(FilePath);

        Assert.True(reader.IsReadOnly);
        Assert.Equal("s", Assert.Single(reader.ListStudies()).Name);
        var error = Assert.Throws<StudyStoreException>(() =>
            reader.TryCreateStudy(new StudyRecord("t", "{}", "random", "{}", 1, DateTimeOffset.UnixEpoch)));
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Single(writer.ListStudies());
    }

    [Fact]
    public void A_read_only_store_reads_while_a_writer_holds_the_write_lock()
    {
        using var writer = new SqliteStudyStore(FilePath);
        writer.TryCreateStudy(new StudyRecord("s", "{}", "random", "{}", 1, DateTimeOffset.UnixEpoch));
        using var reader = SqliteStudyStore.OpenReadOnly(FilePath);
        using var holder = new SqliteConnection($"Data Source={FilePath}");
        holder.Open();
        using var transaction = holder.BeginTransaction(deferred: false);

        Assert.Single(reader.ListStudies());
        Assert.Empty(reader.GetTrials("s"));
    }

    [Fact]
    public void Opening_a_missing_file_read_only_is_a_clear_error_and_creates_nothing()
    {
        var error = Assert.Throws<StudyStoreException>(() => SqliteStudyStore.OpenReadOnly(FilePath));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(FilePath));
    }

    [Fact]
    public void Opening_a_foreign_database_read_only_is_refused()
    {
        using (var connection = new SqliteConnection($"Data Source={FilePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE other (x INTEGER)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StudyStoreException>(() => SqliteStudyStore.OpenReadOnly(FilePath));

        Assert.Contains("not a GanTuner study store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Study_stores_open_a_location_read_only_for_readers()
    {
        using (var writer = StudyStores.Open(FilePath))
        {
            writer.TryCreateStudy(new StudyRecord("s", "{}", "random", "{}", 1, DateTimeOffset.UnixEpoch));
        }

        var store = StudyStores.OpenReadOnly("sqlite://" + FilePath);
        using var disposable = (IDisposable)store;

        Assert.True(Assert.IsType<SqliteStudyStore>(store).IsReadOnly);
        Assert.Equal("s", Assert.Single(store.ListStudies()).Name);
        Assert.Throws<StudyStoreException>(() => StudyStores.OpenReadOnly(Path.Combine(_folder, "none.db")));
        Assert.False(File.Exists(Path.Combine(_folder, "none.db")));
    }
}
