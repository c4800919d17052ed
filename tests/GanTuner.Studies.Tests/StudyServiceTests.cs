using GanTuner.Storage;
using GanTuner.Studies.AskTell;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Tests;

public sealed class StudyServiceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Ask_creates_the_study_tell_records_values_and_failures_and_list_counts_them()
    {
        var storage = _folder["runs.db"];
        var first = StudyService.Ask(new AskRequest(storage, "s") { Tuner = "random", Seed = 4 });
        var second = StudyService.Ask(new AskRequest(storage, "s"));
        _ = StudyService.Ask(new AskRequest(storage, "s"));

        StudyService.Tell(new TellRequest(storage, "s", first.Number, 0.5));
        StudyService.Tell(new TellRequest(storage, "s", second.Number, null) { FailReason = "out of memory" });
        var summary = Assert.Single(StudyService.List(storage));

        Assert.Equal(
            new StudySummary("s", "random", 4, 3, 1, 1, 0, 1, 0.5, 0, summary.Created),
            summary);
    }

    [Fact]
    public void Telling_an_unknown_study_or_listing_a_missing_store_is_a_clear_error()
    {
        Assert.Throws<StudyStoreException>(() => StudyService.List(_folder["missing.db"]));
        StudyService.Ask(new AskRequest(_folder["runs.db"], "s"));
        Assert.Throws<StudyException>(() => StudyService.Tell(new TellRequest(_folder["runs.db"], "other", 0, 1.0)));
    }
}
