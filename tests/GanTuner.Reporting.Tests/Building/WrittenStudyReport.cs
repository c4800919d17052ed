namespace GanTuner.Reporting.Tests.Building;

/// <summary>A tiny stored study with its best trial's predictions, reported once for the end-to-end tests.</summary>
public sealed class WrittenStudyReport : IDisposable
{
    private readonly TinyStudy study = new();

    public WrittenStudyReport()
    {
        study.SavePredictions();
        Files = StudyReport.Write(study.Store, new ReportRequest(TinyStudy.Name));
        StudyDirectory = study.StudyDirectory;
    }

    public ReportFiles Files { get; }

    public string StudyDirectory { get; }

    public void Dispose() => study.Dispose();
}
