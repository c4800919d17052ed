using System.Text.RegularExpressions;
using GanTuner.Reporting.Figures;
using GanTuner.Reporting.Html;
using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Tests;

public sealed partial class HtmlReportTests
{
    /// <summary>The page of a variant of a sample model; the sample's figures stand in, since these tests
    /// are about the page's text, not its charts.</summary>
    private static string Page(ReportModel model, bool full = false) =>
        HtmlReport.Render(model, full ? Rendered.Full.Figures : Rendered.Trials.Figures);

    [Fact]
    public void The_page_names_no_external_url()
    {
        var html = Page(SampleReports.Full(), full: true);

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        var sources = SrcAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(16, sources.Count);
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s));
        Assert.All(HrefAttribute().Matches(html).Select(m => m.Groups[1].Value), h => Assert.StartsWith("#", h));
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html);
    }

    [Fact]
    public void Embedded_images_are_the_rendered_pngs()
    {
        var (model, figures) = Rendered.Full;
        var html = HtmlReport.Render(model, figures);

        var embedded = SrcAttribute().Matches(html)
            .Select(m => Convert.FromBase64String(m.Groups[1].Value["data:image/png;base64,".Length..])).ToList();

        Assert.Equal(figures.Select(f => f.Png!), embedded);
    }

    [Fact]
    public void The_best_trial_is_marked_in_the_trial_table()
    {
        var html = Page(SampleReports.Trials());
        var trials = html[html.IndexOf("id=\"trials\"", StringComparison.Ordinal)..];
        trials = trials[..trials.IndexOf("</section>", StringComparison.Ordinal)];

        var bestRows = BestRow().Matches(trials).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["17"], bestRows);
        Assert.Contains("<span class=\"badge best\">best</span>", html);
        Assert.Equal(5, Regex.Count(trials, "badge injection"));
    }

    [Fact]
    public void The_best_card_counts_iterations_by_number_when_an_interrupted_trial_is_left_out()
    {
        var trials = SampleReports.Trials();
        // Iteration 3 was interrupted: the report leaves it out, and the others keep their numbers (last: 21).
        var html = Page(trials with { Iterations = [.. trials.Iterations.Where(r => r.Number != 3)] });

        Assert.Contains("iteration 17 of 21", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_metrics_table_sets_the_model_beside_the_naive_forecast()
    {
        var html = Page(SampleReports.Full(), full: true);

        Assert.Contains("<th>Naive test, scaled</th>", html);
        Assert.Contains("<th>Test, price</th>", html);
        Assert.Contains("the model beats the naive forecast", html);
    }

    [Fact]
    public void Under_the_paper_protocol_the_validation_columns_are_not_repeated()
    {
        var model = SampleReports.Full();

        var html = Page(model with { Study = model.Study with { Protocol = "paper" } }, full: true);

        Assert.DoesNotContain("<th>Validation, scaled</th>", html);
        Assert.Contains("<th>Test, scaled</th>", html);
        Assert.Contains("<th>Validation, scaled</th>", Page(model, full: true));
    }

    [Fact]
    public void A_model_worse_than_naive_is_called_so()
    {
        var model = SampleReports.Trials();
        var worse = model with
        {
            Iterations = [.. model.Iterations.Select(r => r with { Metrics = new Dictionary<string, double>(r.Metrics) { ["test_u2"] = 1.2 } })],
        };

        Assert.Contains("the model does not beat the naive forecast", Page(worse));
    }

    [Theory]
    [InlineData(0.9973, 0.38, "is not significantly different from the naive forecast (tomorrow = today): no skill shown.")]
    [InlineData(0.9, 0.01, "beats the naive forecast (tomorrow = today) (its RMSE is 10 % lower).")]
    [InlineData(1.2, 0.01, "loses to the naive forecast (tomorrow = today).")]
    [InlineData(1.01, 0.4, "is not significantly different from the naive forecast (tomorrow = today).")]
    [InlineData(0.99, double.NaN, "beats the naive forecast (tomorrow = today) (its RMSE is 1 % lower).")]
    public void The_verdict_on_the_naive_forecast_follows_the_Diebold_Mariano_test(double u2, double p, string sentence)
    {
        var model = SampleReports.Trials();
        var tested = model with
        {
            Iterations = [.. model.Iterations.Select(r => r with { Metrics = new Dictionary<string, double>(r.Metrics) { ["test_u2"] = u2, ["test_dm_naive_p"] = p } })],
        };

        var html = Page(tested);
        Assert.Contains("the model " + sentence, html);
        // The summary card says the same, not "beats" for any U2 below 1.
        var card = U2CardDetail().Match(html);
        Assert.True(card.Success);
        Assert.Equal(sentence[..sentence.IndexOf(" (", StringComparison.Ordinal)], card.Groups[1].Value);
    }

    [Fact]
    public void Omitted_figures_are_named_with_their_reason()
    {
        var html = Page(SampleReports.Trials());

        Assert.Contains("Figure 12 (Actual vs predicted close on the test period) is omitted: no saved model", html);
        Assert.DoesNotContain("id=\"fig-16\"", html);
    }

    [Fact]
    public void Study_text_cannot_inject_markup()
    {
        var model = SampleReports.Trials("<script>alert(1)</script>");

        var html = Page(model with { Notes = ["<img src=x onerror=alert(2)>"] });

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void A_leaky_protocol_carries_a_warning()
    {
        var model = SampleReports.Trials();

        var html = Page(model with { Study = model.Study with { Protocol = "paper-shuffled" } });

        Assert.Contains("Leaky protocol (paper-shuffled)", html);
    }

    [Fact]
    public void The_gan_generator_is_tabulated()
    {
        var html = Page(SampleReports.Full(), full: true);

        Assert.Contains("The GAN generator (Appendix A)", html);
        Assert.Equal(6, Regex.Count(html, "<td class=\"text\">6 → 16 → 16 → 1</td>"));
    }

    [GeneratedRegex("src=\"([^\"]*)\"")]
    private static partial Regex SrcAttribute();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefAttribute();

    [GeneratedRegex("<tr class=\"best\"><td>([0-9]+)<")]
    private static partial Regex BestRow();

    [GeneratedRegex("U2 \\(test\\)</div>\\s*<div class=\"value\">[^<]*</div>\\s*<div class=\"detail\">([^<]*)</div>")]
    private static partial Regex U2CardDetail();
}
