// Tunes a function of your own with the GAN tuner: usage TuneYourFunction [BUDGET] [STORE].
using System.Globalization;
using GanTuner.Storage;
using GanTuner.Studies;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;

var budget = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var space = new SearchSpace([new RealParameter("x", -5, 5), new RealParameter("y", -5, 5), new IntegerParameter("k", 1, 4)]);

// The function to minimise: any C# code that turns a parameter set into a number.
static double Objective(ParameterSet p) =>
    Math.Pow(p.GetDouble("x") - 1, 2) + Math.Pow(p.GetDouble("y") + 2, 2) + Math.Abs(p.GetDouble("k") - 3);

// A study lives in a store: running the sample again resumes it and spends only what is missing.
using var store = StudyStores.Open(args.Length > 1 ? args[1] : "tune-your-function.db");
var study = Study.CreateOrLoad(store, "my-function", space, "gan", seed: 1, TunerOptions.Empty);
var best = study.Optimize(Objective, budget);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"best value {best!.Value:G4} after {study.Trials.Count} trials, at {string.Join(", ", best.Parameters.Select(p => $"{p.Key} = {p.Value}"))}"));
