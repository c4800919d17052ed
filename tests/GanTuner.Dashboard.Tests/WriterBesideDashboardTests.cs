using System.Net;
using System.Text.Json;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Objectives;
using GanTuner.Tuning.Studies;

namespace GanTuner.Dashboard.Tests;

/// <summary>optuna-dashboard's issue #545: a dashboard that locked a running study's SQLite file. Here a study
/// runs in one thread through its own store while browsers' worth of requests read it through the dashboard.</summary>
public sealed class WriterBesideDashboardTests
{
    private const int Budget = 120;

    [Fact]
    public async Task A_study_runs_to_its_budget_while_the_dashboard_reads_it_without_ever_locking_it()
    {
        await using var harness = await DashboardHarness.StartAsync();
        var objective = SyntheticObjective.Branin;
        using var done = new CancellationTokenSource();
        // Each trial waits for one finished dashboard read, so reads and writes interleave however fast either is.
        using var readFinished = new SemaphoreSlim(0);
        Exception? writerError = null;
        var writer = Task.Run(() =>
        {
            try
            {
                using var store = new SqliteStudyStore(harness.Writer.Path, createIfMissing: false);
                var study = Study.CreateOrLoad(store, "running", objective.Space(), "random", 5, TunerOptions.Empty);
                StudyRunner.Optimize(study, (parameters, cancel) =>
                {
                    if (!readFinished.Wait(TimeSpan.FromMinutes(1), cancel))
                    {
                        throw new TimeoutException("no dashboard read finished within a minute");
                    }

                    return TrialOutcome.Success(objective.Evaluate(parameters));
                }, Budget);
            }
            catch (Exception e)
            {
                writerError = e;
            }
            finally
            {
                done.Cancel();
            }
        });

        var reads = 0;
        var failures = new List<string>();
        string[] paths =
        [
            "api/studies", "api/studies/running", "api/studies/running/trials?sort=value", "api/studies/running/charts/history.svg",
            "api/studies/running/charts/parallel.svg", "api/studies/running/charts/importance.svg",
        ];
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(async () =>
        {
            for (var i = r; !done.IsCancellationRequested; i++)
            {
                using var response = await harness.Http.GetAsync(paths[i % paths.Length]);
                // Until the writer has created the study, its pages are 404; anything else is a failure.
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
                {
                    var body = await response.Content.ReadAsStringAsync();
                    lock (failures)
                    {
                        failures.Add($"{paths[i % paths.Length]}: {(int)response.StatusCode} {body}");
                    }
                }

                Interlocked.Increment(ref reads);
                readFinished.Release();
            }
        })).ToArray();
        await writer.WaitAsync(TimeSpan.FromMinutes(5));
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Null(writerError);
        Assert.Empty(failures);
        Assert.True(reads >= Budget, $"only {reads} reads ran beside the writer");
        var trials = harness.Writer.GetTrials("running");
        Assert.Equal(Budget, trials.Count(t => t.State == TrialState.Complete));
        using var summary = JsonDocument.Parse(await harness.Http.GetStringAsync("api/studies/running"));
        var shown = summary.RootElement.GetProperty("summary");
        Assert.Equal(Budget, shown.GetProperty("complete").GetInt32());
        Assert.Equal(trials.Where(t => t.State == TrialState.Complete).Min(t => t.Value!.Value), shown.GetProperty("bestValue").GetDouble());
    }
}
