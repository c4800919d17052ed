using System.Net;
using System.Text.Json;
using GanTuner.Forecasting;
using GanTuner.Storage;

namespace GanTuner.Dashboard.Tests;

public sealed class ApiTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    private DashboardHarness Harness => dashboard.Harness;

    private HttpClient Http => Harness.Http;

    [Fact]
    public async Task Given_a_store_when_the_studies_are_listed_then_counts_and_best_values_equal_the_stores()
    {
        using var document = await GetJson("api/studies");

        var rows = document.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(["alpha", "beta", "empty"], rows.Keys.Order());
        foreach (var name in rows.Keys)
        {
            var trials = Harness.Writer.GetTrials(name);
            var row = rows[name];
            Assert.Equal(trials.Count, row.GetProperty("trials").GetInt32());
            Assert.Equal(trials.Count(t => t.State == TrialState.Complete), row.GetProperty("complete").GetInt32());
            Assert.Equal(trials.Count(t => t.State == TrialState.Failed), row.GetProperty("failed").GetInt32());
            Assert.Equal(trials.Count(t => t.State == TrialState.Pruned), row.GetProperty("pruned").GetInt32());
            Assert.Equal(trials.Count(t => t.State == TrialState.Running), row.GetProperty("running").GetInt32());
            var best = trials.Where(t => t.State == TrialState.Complete).MinBy(t => t.Value);
            if (best is null)
            {
                Assert.Equal(JsonValueKind.Null, row.GetProperty("bestValue").ValueKind);
            }
            else
            {
                Assert.Equal(best.Value!.Value, row.GetProperty("bestValue").GetDouble());
                Assert.Equal(best.Number, row.GetProperty("bestTrial").GetInt32());
            }
        }

        Assert.True(rows["beta"].GetProperty("isRunning").GetBoolean());
        Assert.False(rows["alpha"].GetProperty("isRunning").GetBoolean());
        Assert.Equal("gan", rows["alpha"].GetProperty("tuner").GetString());
        Assert.Equal(3, rows["alpha"].GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task Given_a_study_when_its_page_data_is_asked_then_it_has_the_space_the_importance_method_and_the_history()
    {
        using var document = await GetJson("api/studies/alpha");
        var root = document.RootElement;

        Assert.Equal(40, root.GetProperty("summary").GetProperty("trials").GetInt32());
        Assert.Equal(["learning_rate", "units", "cell", "dropout"], root.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.StartsWith("PED-ANOVA", root.GetProperty("importance").GetProperty("method").GetString(), StringComparison.Ordinal);
        var shares = root.GetProperty("importance").GetProperty("shares").EnumerateArray().ToArray();
        Assert.Equal("learning_rate", shares[0].GetProperty("name").GetString());
        Assert.Equal(1.0, shares.Sum(s => s.GetProperty("share").GetDouble()), 9);
        var complete = Harness.Writer.GetTrials("alpha").Count(t => t.State == TrialState.Complete);
        Assert.Equal(complete, root.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Given_a_trial_table_when_filtered_and_sorted_then_it_holds_exactly_those_trials_in_that_order()
    {
        using var failed = await GetJson("api/studies/alpha/trials?state=failed");
        var expectedFailed = Harness.Writer.GetTrials("alpha").Where(t => t.State == TrialState.Failed).Select(t => t.Number).ToArray();
        Assert.Equal(expectedFailed.Length, failed.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(expectedFailed, failed.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));

        using var byValue = await GetJson("api/studies/alpha/trials?state=complete&sort=value&limit=5");
        var expected = Harness.Writer.GetTrials("alpha").Where(t => t.State == TrialState.Complete)
            .OrderBy(t => t.Value).ThenBy(t => t.Number).Take(5).Select(t => t.Number);
        Assert.Equal(expected, byValue.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));

        using var byUnits = await GetJson("api/studies/alpha/trials?sort=param:units&desc=true&limit=500");
        var units = byUnits.RootElement.GetProperty("rows").EnumerateArray().Select(r => double.Parse(r.GetProperty("params").GetProperty("units").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(units.OrderDescending(), units);
    }

    [Fact]
    public async Task Given_a_running_trial_that_records_its_epoch_then_the_table_shows_its_progress()
    {
        using var running = await GetJson("api/studies/beta/trials?state=running");

        var row = Assert.Single(running.RootElement.GetProperty("rows").EnumerateArray());
        Assert.Equal("epoch 3 of 10", row.GetProperty("progress").GetString());
    }

    [Fact]
    public async Task Given_a_trial_when_its_page_data_is_asked_then_metrics_stand_beside_the_naive_and_linear_baselines()
    {
        var trial = Harness.Writer.GetTrials("alpha").First(t => t.State == TrialState.Complete);
        using var document = await GetJson($"api/studies/alpha/trials/{trial.Number}");
        var root = document.RootElement;

        var rmse = root.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "test_rmse");
        Assert.Equal(trial.Metrics["test_rmse"], rmse.GetProperty("model").GetDouble());
        Assert.Equal(0.05, rmse.GetProperty("naive").GetDouble());
        Assert.Equal(0.04, rmse.GetProperty("linear").GetDouble());
        Assert.DoesNotContain(root.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("name").GetString()!.StartsWith("naive_", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("losses").ValueKind);
        Assert.False(root.GetProperty("forecast").GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task Given_an_lstm_trial_then_its_page_has_its_epoch_losses_drawn_and_the_ar_baseline_beside_each_metric()
    {
        var trial = Harness.Writer.GetTrials("beta")[SeededDashboard.TrainedTrialNumber];
        Assert.True(trial.Attributes.ContainsKey(TrialResult.TrainLossAttribute));
        using var document = await GetJson($"api/studies/beta/trials/{trial.Number}");

        var losses = document.RootElement.GetProperty("losses");
        Assert.Equal(SeededDashboard.TrainedTrial.EpochTrainLoss, losses.GetProperty("train").EnumerateArray().Select(e => e.GetDouble()));
        var validation = losses.GetProperty("validation").EnumerateArray().ToArray();
        Assert.Equal(3, validation.Length);
        Assert.Equal(0.6, validation[1].GetDouble());

        var metrics = document.RootElement.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(31, metrics["test_rmse_price"].GetProperty("linear").GetDouble());
        Assert.Equal(32, metrics["test_rmse_price"].GetProperty("naive").GetDouble());
        Assert.Equal(0.95, metrics["test_mase"].GetProperty("linear").GetDouble());
        Assert.DoesNotContain("test_ar_rmse_price", metrics.Keys);
        Assert.Contains("test_dm_ar_p", metrics.Keys);

        var svg = await Http.GetStringAsync($"api/studies/beta/trials/{trial.Number}/charts/loss.svg");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(svg, "<polyline"));
        Assert.Contains("<title>training</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>validation</title>", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("studies/alpha")]
    [InlineData("studies/alpha/trials/3")]
    [InlineData("compare?studies=alpha&studies=beta")]
    [InlineData("assets/app.js")]
    [InlineData("assets/app.css")]
    [InlineData("api/version")]
    [InlineData("api/studies")]
    [InlineData("api/studies/alpha")]
    [InlineData("api/studies/alpha/trials")]
    [InlineData("api/studies/alpha/trials/3")]
    [InlineData("api/studies/alpha/charts/history.svg?scale=log")]
    [InlineData("api/studies/alpha/charts/parallel.svg")]
    [InlineData("api/studies/alpha/charts/slice.svg")]
    [InlineData("api/studies/alpha/charts/importance.svg")]
    [InlineData("api/studies/empty/charts/history.svg")]
    [InlineData("api/studies/alpha/trials/3/charts/loss.svg")]
    [InlineData("api/studies/alpha/trials/3/charts/forecast.svg")]
    [InlineData("api/compare?studies=alpha,beta")]
    [InlineData("api/compare/chart.svg?studies=alpha&studies=beta&scale=log")]
    public async Task Every_endpoint_answers_GET_and_HEAD_with_the_page_locked_to_its_own_origin(string path)
    {
        using var get = await Http.GetAsync(path);
        using var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Contains("default-src 'none'", get.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var body = await get.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", body.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", body, StringComparison.Ordinal);
        if (path.Contains(".svg", StringComparison.Ordinal))
        {
            Assert.StartsWith("<svg", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("POST", "api/studies")]
    [InlineData("PUT", "api/studies/alpha")]
    [InlineData("DELETE", "api/studies/alpha")]
    [InlineData("PATCH", "api/studies/alpha/trials/3")]
    [InlineData("POST", "api/events")]
    [InlineData("OPTIONS", "")]
    [InlineData("POST", "no/such/route")]
    public async Task Every_other_method_is_refused_with_405_and_changes_nothing(string method, string path)
    {
        var before = Harness.Writer.GetTrials("alpha").Count;

        using var response = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        Assert.Equal(before, Harness.Writer.GetTrials("alpha").Count);
    }

    [Theory]
    [InlineData("api/studies/nope")]
    [InlineData("api/studies/alpha/trials/999")]
    [InlineData("api/studies/alpha/charts/pie.svg")]
    [InlineData("api/compare?studies=nope")]
    [InlineData("assets/missing.js")]
    public async Task Unknown_things_are_404_with_a_readable_error(string path)
    {
        using var response = await Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(document.RootElement.GetProperty("error").GetString()));
    }

    private async Task<JsonDocument> GetJson(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
