using System.Diagnostics;
using GanTuner.Storage;
using Microsoft.Playwright;

namespace GanTuner.Dashboard.Tests;

/// <summary>The pages in a real browser: Debian's Chromium, driven by Playwright, against a real server.</summary>
public sealed class BrowserTests
{
    /// <summary>Where screenshots go: the test output folder, kept after the run as the test's artefact.</summary>
    private static readonly string Artefacts = Path.Combine(AppContext.BaseDirectory, "artefacts");

    [Fact]
    public async Task A_trial_told_by_another_writer_appears_on_the_open_study_page_without_a_reload()
    {
        await using var harness = await DashboardHarness.StartAsync(store =>
        {
            TestStudies.Create(store, "live", tuner: "gan", seed: 11);
            TestStudies.Fill(store, "live", 30);
            TestStudies.Create(store, "other", tuner: "tpe");
            TestStudies.Fill(store, "other", 8, seed: 4);
        });
        await using var browser = await BrowserSession.OpenAsync();
        var page = browser.Page;

        await page.GotoAsync(harness.Server.Address.ToString());
        await page.Locator("tr[data-study='live']").ClickAsync();
        // Only the URL: the waits below check what the page must show. Waiting for its load event as well once
        // timed out (60 s) in a .ci/run that ran beside the whole suite at load 17.
        await page.WaitForURLAsync("**/studies/live", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#trials tr[data-number='29']").WaitForAsync();
        await page.Locator("#chart-history svg").WaitForAsync();
        await page.Locator("#live-status.on").WaitForAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        // Another writer (its own store object and connections) starts a trial that reports its epoch.
        var clock = Stopwatch.StartNew();
        var running = await Task.Run(() =>
        {
            using var writer = new SqliteStudyStore(harness.Writer.Path, createIfMissing: false);
            return TestStudies.Start(writer, "live", TestStudies.PointOf(500), new Dictionary<string, string> { ["epoch"] = "2", ["epochs"] = "10" });
        });
        await page.Locator($"#trials tr[data-number='{running.Number}'][data-state='Running']").WaitForAsync();
        var shownAfter = clock.Elapsed;
        Assert.Equal("epoch 2 of 10", (await page.Locator($"#trials tr[data-number='{running.Number}'] .progress").InnerTextAsync()).Trim());

        // ... and finishes it with the best value so far: the summary follows.
        await Task.Run(() =>
        {
            using var writer = new SqliteStudyStore(harness.Writer.Path, createIfMissing: false);
            TestStudies.Complete(writer, "live", running, 0.0001);
        });
        await page.Locator($"#trials tr[data-number='{running.Number}'][data-state='Complete']").WaitForAsync();
        await Assertions.Expect(page.Locator("#best-value")).ToHaveTextAsync("1.000e-4");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));

        Directory.CreateDirectory(Artefacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artefacts, "dashboard-study.png"), FullPage = true });
        File.WriteAllText(Path.Combine(Artefacts, "live-latency.txt"), $"running trial shown {shownAfter.TotalMilliseconds:F0} ms after it was written\n");

        await page.Locator($"#trials tr[data-number='{running.Number}']").ClickAsync();
        await page.Locator("#params").WaitForAsync();
        await Assertions.Expect(page.Locator("#trial-value")).ToHaveTextAsync("1.000e-4");
        await page.Locator("#no-losses").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artefacts, "dashboard-trial.png"), FullPage = true });

        await page.GotoAsync(harness.Server.Address + "compare?studies=live&studies=other");
        await page.Locator("#chart-compare svg polyline").First.WaitForAsync();
        await page.GotoAsync(harness.Server.Address.ToString());
        await page.Locator("tr[data-study='live'] td[data-field='trials']").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artefacts, "dashboard-studies.png"), FullPage = true });

        Assert.Empty(browser.ConsoleErrors);
        Assert.NotEmpty(browser.Requests);
        Assert.All(browser.Requests, url => Assert.Equal("127.0.0.1", new Uri(url).Host));
    }
}
