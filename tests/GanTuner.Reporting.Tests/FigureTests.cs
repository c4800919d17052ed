using GanTuner.Reporting.Figures;
using GanTuner.Reporting.Html;

namespace GanTuner.Reporting.Tests;

public sealed class FigureTests
{
    [Fact]
    public void Every_figure_of_a_complete_model_renders_as_a_valid_png()
    {
        var figures = Rendered.Full.Figures;

        Assert.Equal(Enumerable.Range(1, 16), figures.Select(f => f.Info.Number));
        foreach (var figure in figures)
        {
            Assert.True(figure.IsRendered, $"figure {figure.Info.Number} omitted: {figure.Omitted}");
            Png.AssertValid(figure.Png!, figure.Info.FileName);
        }
    }

    [Fact]
    public void Figures_whose_inputs_are_missing_are_omitted_with_a_reason()
    {
        var omitted = FigureCatalog.Omissions(SampleReports.Trials());

        Assert.Equal([1, 2, 3, 12, 13, 16], omitted.Select(f => f.Info.Number));
        Assert.All(omitted, f => Assert.False(string.IsNullOrWhiteSpace(f.Omitted)));
        Assert.Contains("no saved model", omitted.Single(f => f.Info.Number == 12).Omitted);
        Assert.Empty(FigureCatalog.Omissions(SampleReports.Full()));
    }

    [Fact]
    public void A_shuffled_split_omits_only_the_split_figure()
    {
        var full = SampleReports.Full();
        var shuffled = full with { Prices = full.Prices! with { Segments = [] } };

        var omitted = FigureCatalog.Omissions(shuffled);

        Assert.Equal([3], omitted.Select(f => f.Info.Number));
        Assert.Contains("not chronological", omitted[0].Omitted);
    }

    [Fact]
    public void A_study_with_only_failed_trials_still_reports()
    {
        var trials = SampleReports.Trials();
        var failed = trials with { Iterations = [.. trials.Iterations.Select(r => r with { Value = null, State = "Failed" })] };

        var figures = FigureCatalog.RenderAll(failed);

        Assert.Equal([1, 2, 3, 4, 5, 12, 13, 15, 16], figures.Where(f => !f.IsRendered).Select(f => f.Info.Number));
        Assert.True(figures.Single(f => f.Info.Number == 14).IsRendered);
        Assert.True(HtmlReport.Render(failed, figures).Length > 0);
    }

    [Fact]
    public void Resource_figures_keep_a_linear_axis_from_zero_even_when_values_span_decades()
    {
        // A trial that fails at once uses ~1 % CPU beside ~190 % for those that train: two decades apart.
        double[] cpu = [1.2, 150, 190];
        var info = new FigureInfo(9, "cpu", "CPU use per iteration", "caption", FigureSection.Resources);

        Assert.False(new IterationMetricFigure(info, "cpu_percent", "CPU (%)", showMean: true).Scale(cpu).IsLog);
        Assert.False(new IterationMetricFigure(info, "test_r2", "R²", floor: -1).Scale(cpu).IsLog);
        Assert.True(new IterationMetricFigure(info, "test_rmse", "RMSE").Scale(cpu).IsLog);
    }

    [Fact]
    public void Figure_files_are_numbered_in_page_order()
    {
        Assert.Equal("04-objective.png", FigureCatalog.Figures.Single(f => f.Number == 4).FileName);
        Assert.Equal(FigureCatalog.Figures.Count, FigureCatalog.Figures.Select(f => f.FileName).Distinct().Count());
    }
}
