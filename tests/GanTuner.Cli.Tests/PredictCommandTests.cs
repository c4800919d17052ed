using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GanTuner.Data.Csv;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;

namespace GanTuner.Cli.Tests;

public sealed class PredictCommandTests : IDisposable
{
    private readonly TuneWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void Predict_prints_the_next_close_of_the_newest_saved_best_model_in_prices_or_as_json()
    {
        Assert.Equal(0, _work.Run(TuneWorkspace.Tiny(2, 1, "--study", "p", "--no-report")).ExitCode);

        var (code, stdout, stderr) = _work.Run("predict");

        Assert.True(code == 0, stderr);
        Assert.Contains("last close: 2,704.10 on 2019-01-31", stdout, StringComparison.Ordinal);
        Assert.Contains("study p, iteration", stdout, StringComparison.Ordinal);
        var printed = double.Parse(Regex.Match(stdout, @"next close: ([\d,]+\.\d\d) \(the trading day after 2019-01-31\)").Groups[1].Value,
            NumberStyles.Number, CultureInfo.InvariantCulture);
        // The same model on the same prices, in this process: predict must print what the model forecasts.
        var model = ForecastModel.Load(_work.PathOf("gantuner-out", "p", "best-model.json"));
        var expected = model.PredictNextClose(PriceCsvReader.ReadFile(TuneWorkspace.Prices));
        Assert.Equal(Math.Round(expected, 2), printed, 2);

        var json = _work.Run("predict", "--model", _work.PathOf("gantuner-out", "p", "best-model.json"), "--json");

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal("2019-01-31", document.RootElement.GetProperty("last_date").GetString());
        Assert.Equal(2704.100098, document.RootElement.GetProperty("last_close").GetDouble());
        Assert.Equal(expected, document.RootElement.GetProperty("next_close").GetDouble());
        Assert.Equal("holdout", document.RootElement.GetProperty("protocol").GetString());
    }

    [Theory]
    [InlineData("window")]
    [InlineData("global")]
    public void A_model_tuned_with_every_feature_records_them_and_predict_forecasts_from_the_same_inputs(string scaling)
    {
        var tune = _work.Run(TuneWorkspace.Tiny(2, 1, "--study", "f", "--no-report", "--scaling", scaling, "--features", "volume,close,range,return"));
        Assert.True(tune.ExitCode == 0, tune.Stderr);

        var path = _work.PathOf("gantuner-out", "f", "best-model.json");
        var model = ForecastModel.Load(path);
        Assert.Equal(4, model.Network.Spec.InputSize);
        Assert.Equal("close,return,range,volume", model.Data.Features.Name());
        var json = _work.Run("predict", "--model", path, "--data", TuneWorkspace.Prices, "--json");

        Assert.True(json.ExitCode == 0, json.Stderr);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(model.PredictNextClose(PriceCsvReader.ReadFile(TuneWorkspace.Prices)), document.RootElement.GetProperty("next_close").GetDouble());
        Assert.Equal("close,return,range,volume", document.RootElement.GetProperty("features").GetString());
        Assert.InRange(document.RootElement.GetProperty("next_close").GetDouble(), 1000, 5000);
    }

    [Fact]
    public void Predict_without_a_saved_model_says_so_in_one_line()
    {
        var (code, stdout, stderr) = _work.Run("predict");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("gantuner: no saved model: gantuner-out/*/best-model.json does not exist here; run 'gantuner tune' first or give --model FILE\n", stderr);
    }

    [Fact]
    public void Predict_with_a_missing_model_file_exits_2()
    {
        var (code, _, stderr) = _work.Run("predict", "--model", "missing.json");

        Assert.Equal(2, code);
        Assert.Equal("gantuner: --model: the file 'missing.json' does not exist\n", stderr);
    }
}
