using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;
using GanTuner.Bench;
using GanTuner.Data;
using GanTuner.Data.Csv;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;

// Replays the paper's Appendix B: each configuration trained by our engine and by PyTorch 1.13 in the same run.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 2;
}

if (!ProtocolNames.TryParseProtocol(options.Protocol, out var protocol) || protocol == Protocol.Holdout)
{
    Console.Error.WriteLine("bench: --protocol must be paper or paper-shuffled");
    return 2;
}

var inv = CultureInfo.InvariantCulture;
var series = PriceCsvReader.ReadFile(options.DataFile);
var datasets = new ForecastDatasetCache(series, new DatasetSpec(1, protocol));
var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
var machine = $"{Environment.ProcessorCount} cores, {(Vector512.IsHardwareAccelerated ? "AVX-512" : Vector256.IsHardwareAccelerated ? "AVX2" : "no SIMD")}, .NET {Environment.Version}";
Console.WriteLine(string.Create(inv, $"# GanTuner bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {machine}; data {series.Source} ({series.Count:N0} rows); protocol {options.Protocol}; epochs {options.Epochs}; our threads {threads}; PyTorch threads {options.TorchThreads}"));

var table = new StringBuilder();
if (!options.MemoryOnly)
{
    table.AppendLine("| # | layers | units | lr | batch | seq | dropout | ours s | PyTorch s | speed-up | ours test MSE | PyTorch test MSE | paper MSE | naive MSE | ours peak MB | paper s |");
    table.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    double oursTotal = 0, oursWall = 0, torchTotal = 0, paperTotal = 0, peak = 0;
    var slowest = double.PositiveInfinity;
    var wall = System.Diagnostics.Stopwatch.StartNew();
    foreach (var row in AppendixRow.ReadAll(options.AppendixFile).Where(r => options.Rows.Count == 0 || options.Rows.Contains(r.Iteration)))
    {
        var config = new TrialConfig(row.Layers, row.Units, row.LearningRate, row.BatchSize, row.SequenceLength, row.Dropout, options.Epochs, options.Seed, threads);
        var ours = TrialRunner.Run(datasets, config);
        var torch = options.RunTorch ? TorchAnchor.Run(options, row) : null;
        var ratio = torch is { } t && ours.TrainSeconds > 0 ? t.TrainSeconds / ours.TrainSeconds : double.NaN;
        oursTotal += ours.TrainSeconds;
        oursWall += ours.WallSeconds;
        torchTotal += torch?.TrainSeconds ?? 0;
        paperTotal += row.PaperSeconds;
        peak = Math.Max(peak, ours.PeakMemoryMb);
        slowest = double.IsNaN(ratio) ? slowest : Math.Min(slowest, ratio);
        var status = ours.Status == TrialStatus.Ok ? string.Empty : $" ({ours.Status}: {ours.FailureReason})";
        var line = string.Create(inv, $"| {row.Iteration} | {row.Layers} | {row.Units} | {row.LearningRate:G} | {row.BatchSize} | {row.SequenceLength} | {row.Dropout:G} | {ours.TrainSeconds:F2} | {Opt(torch?.TrainSeconds, "F1")} | {Opt(ratio, "F1")}× | {Opt(ours.Test?.Scaled.Mse, "G4")}{status} | {Opt(torch?.TestMse, "G4")} | {row.PaperMse:G4} | {Opt(ours.Test?.NaiveScaled.Mse, "G3")} | {ours.PeakMemoryMb:F0} | {row.PaperSeconds:F1} |");
        table.AppendLine(line);
        Console.WriteLine(line);
    }

    var totals = string.Create(inv, $"| all | | | | | | | {oursTotal:F1} | {Opt(options.RunTorch ? torchTotal : null, "F1")} | {Opt(options.RunTorch ? torchTotal / oursTotal : null, "F1")}× | | | | | {peak:F0} | {paperTotal:F0} |");
    table.AppendLine(totals);
    Console.WriteLine(totals);
    Console.WriteLine(string.Create(inv, $"ours: training {oursTotal:F1} s, whole trials (with per-epoch validation and scoring) {oursWall:F1} s; slowest speed-up {Opt(double.IsInfinity(slowest) ? null : slowest, "F1")}×; bench wall (both engines) {wall.Elapsed.TotalSeconds:F0} s"));
}

if (options.MemoryProbe)
{
    // Table 1's largest configuration: 5 layers × 50 units, sequence 250, batch 2048; one epoch is enough for the peak.
    var config = new TrialConfig(5, 50, 0.001, 2048, 250, 0.2, Epochs: 1, options.Seed, threads);
    var probe = TrialRunner.Run(datasets, config);
    var line = string.Create(inv, $"memory probe 5×50, seq 250, batch 2048, 1 epoch: status {probe.Status}{(probe.FailureReason is null ? "" : " " + probe.FailureReason)}, peak {probe.PeakMemoryMb:F0} MB, training {probe.TrainSeconds:F1} s, test MSE {Opt(probe.Test?.Scaled.Mse, "G4")}");
    Console.WriteLine(line);
    table.AppendLine().AppendLine(line);
}

if (options.OutFile is not null)
{
    File.WriteAllText(options.OutFile, table.ToString());
}

return 0;

static string Opt(double? value, string format) =>
    value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
