// Tunes an LSTM forecaster on a CSV of daily prices: usage TuneLstmOnCsv [CSV] [BUDGET] [EPOCHS] [FOLDER].
// The defaults are small (a few tiny LSTMs for 2 epochs) so that it finishes in seconds; raise them for a real study.
using System.Globalization;
using GanTuner.Data.Csv;
using GanTuner.Forecasting.Skill;
using GanTuner.Studies;
using GanTuner.Tuning;

string Arg(int i, string fallback) => args.Length > i && args[i].Length > 0 ? args[i] : fallback;
var csv = Arg(0, Path.Combine(AppContext.BaseDirectory, "prices.csv"));
var budget = int.Parse(Arg(1, "6"), CultureInfo.InvariantCulture);
var epochs = int.Parse(Arg(2, "2"), CultureInfo.InvariantCulture);
var folder = Path.GetFullPath(Arg(3, "tune-lstm-on-csv"));

var series = PriceCsvReader.ReadFile(csv);
// The six hyperparameters of the paper, over small ranges so each trial takes milliseconds.
var space = new SearchSpace(
[
    new IntegerParameter("layers", 1, 2), new IntegerParameter("units", 2, 8), new RealParameter("learning_rate", 1e-3, 1e-1, log: true),
    new PowerOfTwoParameter("batch_size", 16, 64), new SteppedParameter("dropout", 0, 0.2, 0.1), new IntegerParameter("sequence_length", 2, 10),
]);
Directory.CreateDirectory(folder);
var options = new LstmStudyOptions("lstm-on-csv", Path.Combine(folder, "studies.db"), folder) { Budget = budget, Epochs = epochs, Space = space, Threads = 1 };

var outcome = await LstmStudy.TuneAsync(series, options);

var best = outcome.Best!;
Console.WriteLine($"{series.Count} rows of {series.Source}: {outcome.Evaluated} trials, status {outcome.Status}");
var u2 = best.Metrics["test_u2"];
// The one rule for "beats": a lower RMSE that the Diebold-Mariano test calls significant at 5 %.
var verdict = ForecastVerdict.Verb(u2, best.Metrics.GetValueOrDefault("test_dm_naive_p", double.NaN));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"best trial {best.Number}: validation MSE {best.Value:G4}, test U2 {u2:G4}: the best model {verdict} tomorrow = today"));
Console.WriteLine($"best model: {outcome.ModelPath}");
