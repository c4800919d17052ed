using GanTuner.Reporting.Building;
using GanTuner.Reporting.Model;
using GanTuner.Storage;
using GanTuner.Tuning.Gan;
using GanTuner.Tuning;

namespace GanTuner.Reporting.Tests.Building;

public sealed class StudyReportTests : IDisposable
{
    private readonly TinyStudy study = new();

    public void Dispose() => study.Dispose();

    private ReportModel Build(params string[] compare) =>
        StudyReport.Build(study.Store, new ReportRequest(TinyStudy.Name) { Compare = compare });

    [Fact]
    public void Trials_become_rows_numbered_from_one_without_the_interrupted_trial()
    {
        var model = Build();

        Assert.Equal([1, 2, 3, 4, 5, 6, 8], model.Iterations.Select(r => r.Number));
        Assert.Equal("Failed", model.Iterations[5].State);
        Assert.Null(model.Iterations[5].Value);
        Assert.Equal(5, model.Best!.Number);
        Assert.Equal(4.9e-5, model.Best.Value);
        Assert.Equal(34, model.Best.Parameters["units"]);
        Assert.Equal(13.3, model.Iterations[^1].Seconds!.Value, 6);
        Assert.Contains(model.Notes, n => n.StartsWith("1 trial(s) interrupted", StringComparison.Ordinal));
    }

    [Fact]
    public void The_injection_attribute_marks_its_trial()
    {
        Assert.Equal([3], Build().Iterations.Where(r => r.Injection).Select(r => r.Number));
    }

    [Fact]
    public void The_search_space_gives_order_and_log_scales()
    {
        var axes = Build().Parameters;

        Assert.Equal(["layers", "units", "learning_rate", "batch_size", "dropout", "sequence_length"], axes.Select(a => a.Name));
        Assert.Equal(["learning_rate", "batch_size"], axes.Where(a => a.LogScale).Select(a => a.Name));
    }

    [Fact]
    public void A_gan_study_describes_its_generator_pathway_by_pathway()
    {
        var generator = Build().Generator;

        var gan = (AdversarialTuner)TunerFactory.Create("gan-paper", SearchSpace.Table1(), 7, TunerOptions.Empty);
        Assert.Equal(SearchSpace.Table1().Parameters.Select(p => p.Name), generator.Select(p => p.Hyperparameter));
        Assert.All(generator, p => Assert.Equal(gan.PathwaySizes, p.Sizes));
        Assert.Equal(gan.Settings.HistoryLength + gan.Settings.NoiseDimensions, generator[0].Sizes[0]);
        Assert.Equal("sigmoid", generator[0].Activations[^1]);
        Assert.Equal("log scale, 1e-5 to 0.1", generator.Single(p => p.Hyperparameter == "learning_rate").Output);
    }

    [Fact]
    public void Other_tuners_have_no_generator()
    {
        study.Add("plain", "random", TinyStudy.DefaultAttributes(study.StudyDirectory));

        Assert.Empty(StudyReport.Build(study.Store, new ReportRequest("plain")).Generator);
    }

    [Fact]
    public void The_study_header_and_the_split_come_from_the_attributes_and_the_data()
    {
        var model = Build();

        Assert.Equal("val_mse", model.Study.Objective);
        Assert.Equal("holdout", model.Study.Protocol);
        Assert.Equal("close, level", model.Study.Target);
        var prices = model.Prices!;
        Assert.Equal(5105, prices.Closes.Count);
        Assert.Equal(["Train", "Validation", "Test"], prices.Segments.Select(s => s.Name));
        // Holdout: test is the last 20 %, validation the last tenth of the first 80 %.
        Assert.Equal([(0, 3676), (3676, 408), (4084, 1021)], prices.Segments.Select(s => (s.Start, s.Count)));
        Assert.Equal(prices.Closes.Take(3676).Min(), prices.Scaler!.Min);
        Assert.Equal(prices.Closes.Take(3676).Max(), prices.Scaler.Max);
    }

    [Fact]
    public void Under_the_log_return_target_the_normalised_prices_say_the_model_saw_returns()
    {
        var attributes = TinyStudy.DefaultAttributes(study.StudyDirectory);
        attributes[StudyAttributeKeys.Target] = "log-return";
        study.Add("returns", "random", attributes);

        var level = Build().Prices!.Scaler!;
        var returns = StudyReport.Build(study.Store, new ReportRequest("returns")).Prices!.Scaler!;

        Assert.Equal("the training rows", level.FittedOn);
        Assert.Equal("the training rows; the model saw scaled log returns, not these prices", returns.FittedOn);
        Assert.Equal((level.Min, level.Max), (returns.Min, returns.Max));
    }

    [Fact]
    public void The_best_trials_predictions_file_feeds_the_forecast()
    {
        var saved = study.SavePredictions();

        var forecast = Build().Forecast!;

        Assert.Equal(saved.Dates, forecast.Dates);
        Assert.Equal(saved.Predicted, forecast.Predicted);
        Assert.DoesNotContain(Build().Notes, n => n.Contains("figures 12", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_predictions_the_saved_best_model_is_run_over_the_test_windows()
    {
        study.SaveModel();

        var forecast = Build().Forecast!;

        var test = TinyStudy.Dataset(30).Test;
        Assert.Equal(test.TargetDates, forecast.Dates);
        Assert.Equal(test.ActualClose, forecast.Actual);
        Assert.Equal(test.PreviousClose, forecast.Naive);
        Assert.All(forecast.Predicted, p => Assert.True(double.IsFinite(p)));
        Assert.True(forecast.Predicted.Distinct().Count() > 10, "the model's forecasts should vary with their windows");
    }

    [Fact]
    public void A_model_that_is_not_the_best_trials_is_refused_with_a_note()
    {
        study.SaveModel(units: 12);

        var model = Build();

        Assert.Null(model.Forecast);
        Assert.Contains(model.Notes, n => n.Contains("is not the best trial's model (its units is 12, the trial's 34)", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_model_or_predictions_the_forecast_figures_are_omitted_with_a_note()
    {
        var model = Build();

        Assert.Null(model.Forecast);
        Assert.Contains(model.Notes, n => n.Contains("the report never trains a model", StringComparison.Ordinal));
    }

    [Fact]
    public void A_study_without_data_attributes_still_reports_its_trials()
    {
        study.Add("bare", "random", []);

        var model = StudyReport.Build(study.Store, new ReportRequest("bare"));

        Assert.Null(model.Prices);
        Assert.Equal("objective", model.Study.Objective);
        Assert.Equal(7, model.Iterations.Count);
        Assert.Contains(model.Notes, n => n.Contains("does not record its data", StringComparison.Ordinal));
    }

    [Fact]
    public void Data_that_changed_since_the_study_ran_is_noted()
    {
        var attributes = TinyStudy.DefaultAttributes(study.StudyDirectory);
        attributes[StudyAttributeKeys.DataRows] = "4000";
        study.Add("changed", "gan", attributes);

        var model = StudyReport.Build(study.Store, new ReportRequest("changed"));

        Assert.Contains(model.Notes, n => n.StartsWith("The data has changed since the study ran (4000 rows", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_study_is_a_report_error_naming_the_studies_there()
    {
        var error = Assert.Throws<ReportException>(() => StudyReport.Build(study.Store, new ReportRequest("nope")));

        Assert.Equal("no study named 'nope'; the store holds: tiny-gan", error.Message);
        Assert.Throws<ReportException>(() => Build("missing"));
    }

    [Fact]
    public void Compared_studies_join_the_comparison_and_differences_are_noted()
    {
        study.Add("tiny-random", "random", TinyStudy.DefaultAttributes(study.StudyDirectory), scale: 3);
        var paper = TinyStudy.DefaultAttributes(study.StudyDirectory);
        paper[StudyAttributeKeys.Protocol] = "paper";
        study.Add("tiny-paper", "tpe", paper);

        var model = Build("tiny-random", "tiny-paper", TinyStudy.Name);

        Assert.Equal(["tiny-random", "tiny-paper"], model.Comparison.Select(c => c.Study));
        Assert.Equal(3 * 4.9e-5, model.Comparison[0].Values.Min()!.Value, 12);
        Assert.Single(model.Notes, n => n.Contains("'tiny-paper' differs from 'tiny-gan' in protocol", StringComparison.Ordinal));
    }
}
