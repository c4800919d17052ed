using System.Globalization;
using GanTuner.Forecasting;
using GanTuner.Reporting.Building;
using GanTuner.Reporting.Model;
using GanTuner.Storage;

namespace GanTuner.Reporting;

/// <summary>The report of a stored study: read the store and the study's data, never train or change
/// anything, and write <c>report.html</c> with <c>figures/NN-name.png</c>. <c>gantuner report</c> and the end
/// of <c>gantuner tune</c> both call <see cref="Write"/>.</summary>
public static class StudyReport
{
    /// <exception cref="ReportException">The study, or a study to compare with, is not in the store.</exception>
    public static ReportFiles Write(IStudyStore store, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = Build(store, request, out var studyDirectory);
        return ReportWriter.Write(model, request.OutDirectory ?? StudyFiles.ReportDirectory(studyDirectory));
    }

    /// <exception cref="ReportException">The study, or a study to compare with, is not in the store.</exception>
    public static ReportModel Build(IStudyStore store, ReportRequest request) => Build(store, request, out _);

    /// <summary>The folder holding a study's models and predictions.</summary>
    public static string StudyDirectory(StudyRecord study, string? requested = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        return requested
            ?? study.UserAttributes.GetValueOrDefault(StudyAttributeKeys.OutDirectory)
            ?? StudyFiles.DefaultDirectory(study.Name);
    }

    private static ReportModel Build(IStudyStore store, ReportRequest request, out string studyDirectory)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        var study = store.FindStudy(request.Study) ?? throw new ReportException(UnknownStudy.Message(store, request.Study));
        studyDirectory = StudyDirectory(study, request.StudyDirectory);
        var notes = new List<string>();
        var trials = store.GetTrials(study.Name);
        var axes = ParameterAxes.Of(study, trials, notes);
        var interrupted = trials.Count(t => t.IsInterrupted);
        if (interrupted > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{interrupted} trial(s) interrupted by a stopped process are not shown: a retry trial re-evaluated each configuration."));
        }

        var data = StudyData.Load(study, notes);
        var model = new ReportModel(Summary(study), TrialRows.Of(trials, axes), axes)
        {
            Prices = data?.History(),
            Generator = GeneratorArchitecture.Of(study, notes),
            Comparison = ComparisonCurves.Load(store, study, request.Compare, notes),
        };
        return model with { Forecast = BestForecast.Load(studyDirectory, model.Best, data, notes), Notes = notes };
    }

    private static StudySummary Summary(StudyRecord study)
    {
        var attributes = study.UserAttributes;
        var protocol = attributes.GetValueOrDefault(StudyAttributeKeys.Protocol);
        var column = attributes.GetValueOrDefault(StudyAttributeKeys.Column);
        var target = attributes.GetValueOrDefault(StudyAttributeKeys.Target);
        return new StudySummary(study.Name, study.TunerName, attributes.GetValueOrDefault(StudyAttributeKeys.Objective) ?? Objective(protocol))
        {
            Protocol = protocol,
            DataSource = attributes.GetValueOrDefault(StudyAttributeKeys.DataSource) ?? attributes.GetValueOrDefault(StudyAttributeKeys.Data),
            Target = column is null && target is null ? null : string.Join(", ", new[] { column, target }.OfType<string>()),
            Seed = study.Seed.ToString(CultureInfo.InvariantCulture),
        };
    }

    // Before studies stored their objective, it was always the scaled MSE of the split the protocol optimises.
    private static string Objective(string? protocol) => protocol switch
    {
        "holdout" or "walk-forward" => "val_mse",
        "paper" or "paper-shuffled" => "test_mse",
        _ => "objective",
    };
}
