using System.Globalization;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Studies;

// A made-up landscape over the Table 1 space, for tuners on mixed spaces (integers, log scales, powers of two,
// steps) without training an LSTM: a log-learning-rate valley whose best moves with the batch size, a divergence
// cliff, a units × layers interaction, optima in dropout and sequence length. Only its shape matters; it is a
// stand-in for the hidden landscapes of issue 12, not one of them.
//
//   GanTuner.LandscapeBench TUNERS SEED [k=v …]     e.g. gan,tpe 100 gan.confine=true
//
// 30 seeds from SEED, 40 evaluations each, in memory; prints the median best [quartiles] after 10, 20 and 40.
if (args.Length < 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var seed))
{
    Console.Error.WriteLine("usage: GanTuner.LandscapeBench TUNERS SEED [k=v …]");
    return 2;
}

var plan = new ComparisonPlan("landscape", SearchSpace.Table1(), args[0].Split(','), 40, 30, seed, TunerOptions.Parse(args[2..]));
var result = new ComparisonRunner(new InMemoryStudyStore(), 1).Run(plan, (parameters, _) => TrialOutcome.Success(Landscape(parameters)));
foreach (var tuner in result.Tuners)
{
    Console.WriteLine($"{tuner.Tuner} @10 {Cell(tuner.After(10))} @20 {Cell(tuner.After(20))} @40 {Cell(tuner.After(40))}");
}

return 0;

static string Cell(QuantileSummary q) => string.Create(CultureInfo.InvariantCulture, $"{q.Median:F3} [{q.LowerQuartile:F3}, {q.UpperQuartile:F3}]");

static double Landscape(ParameterSet p)
{
    var (layers, units) = (p.GetInt32("layers"), p.GetInt32("units"));
    var lr = Math.Log10(p.GetDouble("learning_rate"));
    var batch = Math.Log2(p.GetDouble("batch_size"));
    var (dropout, sequence) = (p.GetDouble("dropout"), Math.Log(p.GetDouble("sequence_length")));
    var bestLr = -3.2 + (0.25 * (batch - 6));
    var v = (0.6 * Math.Pow(lr - bestLr, 2)) + (0.15 * Math.Pow(batch - 5.5, 2) / 4)
        + (0.8 * Math.Pow(((units * layers) - 60) / 100.0, 2)) + (0.3 * Math.Pow(layers - 2, 2) / 4)
        + (1.2 * Math.Pow(dropout - 0.2, 2)) + (0.4 * Math.Pow(sequence - Math.Log(40), 2) / 4);
    if (lr > -1.5)
    {
        v += 2 * (lr + 1.5);
    }

    return Math.Log(0.05 + v);
}
