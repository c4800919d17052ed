namespace GanTuner.Storage.Tests;

public sealed class StudyStoresTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gantuner-stores-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_plain_path_and_a_sqlite_url_open_the_same_sqlite_file()
    {
        var path = Path.Combine(_dir, "runs.db");
        using (var plain = StudyStores.Open(path))
        {
            Assert.Equal(path, Assert.IsType<SqliteStudyStore>(plain).Path);
        }

        using var url = StudyStores.Open("sqlite://" + path, createIfMissing: false);

        Assert.Equal(path, Assert.IsType<SqliteStudyStore>(url).Path);
        Assert.Equal(path, StudyStores.SqlitePath("sqlite://" + path));
        Assert.Equal("rel/runs.db", StudyStores.SqlitePath("sqlite://rel/runs.db"));
    }

    [Fact]
    public void A_missing_file_is_an_error_unless_it_may_be_created()
    {
        var error = Assert.Throws<StudyStoreException>(() => StudyStores.Open(Path.Combine(_dir, "none.db"), createIfMissing: false));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgresql_url_opens_a_postgresql_store()
    {
        var url = PostgresServer.NewSchemaUrl("open");
        try
        {
            using (var store = StudyStores.Open(url))
            {
                Assert.IsType<PostgresStudyStore>(store);
                Assert.Empty(store.ListStudies());
            }

            Assert.Null(StudyStores.SqlitePath("postgresql://127.0.0.1/studies"));
        }
        finally
        {
            PostgresServer.DropSchema(url);
        }
    }
}
