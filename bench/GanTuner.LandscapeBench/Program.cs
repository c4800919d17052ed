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
//   GanTuner.LandscapeBench --ask-time TUNERS SEED [k=v …]
//
// 30 seeds from SEED, 40 evaluations each, in memory; prints the median best [quartiles] after 10, 20 and 40.
// With --ask-time: for each tuner, 100 trials told, then the CPU and wall time of each of five Asks after them.
var askTime = args.Length > 0 && args[0] == "--ask-time";
args = askTime ? args[1..] : args;
if (args.Length < 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var seed))
{
    Console.Error.WriteLine("usage: GanTuner.LandscapeBench [--ask-time] TUNERS SEED [k=v …]");
    return 2;
}

if (askTime)
{
    foreach (var name in args[0].Split(','))
    {
        var space = SearchSpace.Table1();
        var tuner = TunerFactory.Create(name, space, seed, TunerOptions.Parse(args[2..]));
        for (var trial = 0; trial < 100; trial++)
        {
            var proposal = tuner.Ask();
            tuner.Tell(new Observation(proposal.Point, Landscape(space.Decode(proposal.Point))));
        }

        var timings = new List<string>();
        for (var ask = 0; ask < 5; ask++)
        {
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var wall = System.Diagnostics.Stopwatch.StartNew();
            tuner.Ask();
            var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            timings.Add(string.Create(CultureInfo.InvariantCulture, $"{used.TotalMilliseconds:F0} ({wall.Elapsed.TotalMilliseconds:F0})"));
        }

        Console.WriteLine($"{name}: one Ask after 100 tells, CPU (wall) ms: {string.Join(", ", timings)}");
    }

    return 0;
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
