using GanTuner.Storage;

namespace GanTuner.Storage.Tests;

public sealed class InMemoryStudyStoreTests : StudyStoreContract
{
    protected override IStudyStore CreateStore() => new InMemoryStudyStore();

    // The process is the store's lifetime: "reopening" is looking at it again.
    protected override IStudyStore Reopen(IStudyStore store) => store;
}
