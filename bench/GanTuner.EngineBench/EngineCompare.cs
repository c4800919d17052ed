using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;
using GanTuner.Data.Csv;
using GanTuner.Data.Protocols;
using GanTuner.Neural.Lstm;

namespace GanTuner.EngineBench;

/// <summary>
/// The engine table: the old engine's worker and this one's run in turn (old, new, old, new …) in child
/// processes, each configuration keeps its fastest round, and PyTorch trains one epoch of each
/// configuration on the first rows of the same file, scaled to the full epoch.
/// </summary>
internal static class EngineCompare
{
    public static int Run(EngineOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        var peak = PeakEstimate.Gflops();
        var start = DateTime.UtcNow;
        var header = string.Create(inv, $"# GanTuner engine bench {start:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores, {PeakEstimate.Describe()}; .NET {Environment.Version}; threads {options.Threads}; {options.Repeats} rounds old/new interleaved, fastest kept; load before: {Load()}");
        Console.WriteLine(header);

        var best = new Dictionary<(string Label, string Key), Result>();
        for (var round = 0; round < options.Repeats; round++)
        {
            foreach (var (label, binary) in Engines(options, self))
            {
                foreach (var result in RunWorker(binary, label, options))
                {
                    var id = (label, result.Key);
                    if (!best.TryGetValue(id, out var seen) || result.SecondsPerEpoch < seen.SecondsPerEpoch)
                    {
                        best[id] = result;
                    }
                }
            }
        }

        var loadAfterEngines = Load();
        var torch = options.RunTorch ? TorchEpochs(options) : [];
        var series = PriceCsvReader.ReadFile(options.DataFile);
        var table = new StringBuilder();
        table.AppendLine(header);
        table.AppendLine(string.Create(inv, $"# peak estimate {peak:F0} GFLOP/s; load after the engines: {loadAfterEngines}, at the end: {Load()}"));
        table.AppendLine();
        table.AppendLine("| layers × units | batch | seq | new plan | old s/epoch | new s/epoch | new vs old | new GFLOP/s | of peak | PyTorch s/epoch | new vs PyTorch |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var config in options.Configs)
        {
            var trainCount = ForecastDataset.Build(series, new DatasetSpec(config.Sequence, Protocol.Paper)).Train.Count;
            var plan = PlanOf(config, options.Threads);
            best.TryGetValue(("old", config.Key), out var old);
            best.TryGetValue(("new", config.Key), out var mine);
            double? torchEpoch = torch.TryGetValue(config.Key, out var perWindow) ? perWindow * trainCount : null;
            table.AppendLine(string.Create(inv, $"| {config.Layers} × {config.Units} | {config.Batch} | {config.Sequence} | {plan} | {Opt(old?.SecondsPerEpoch, "F2")} | {Opt(mine?.SecondsPerEpoch, "F2")} | {Opt(old?.SecondsPerEpoch / mine?.SecondsPerEpoch, "F2")}× | {Opt(mine?.Gflops, "F1")} | {Opt(mine?.Gflops / peak * 100, "F0")} % | {Opt(torchEpoch, "F1")} | {Opt(torchEpoch / mine?.SecondsPerEpoch, "F0")}× |"));
        }

        Console.WriteLine();
        Console.Write(table);
        if (options.OutFile is not null)
        {
            File.WriteAllText(options.OutFile, table.ToString());
        }

        return 0;
    }

    private static string PlanOf(EngineConfig config, int threads)
    {
#if OLD_ENGINE
        return "-";
#else
        var plan = ParallelPlan.Choose(new LstmSpec(config.Layers, config.Units, config.Dropout), config.Batch, config.Sequence, threads);
        return string.Create(CultureInfo.InvariantCulture, $"{plan.Kind} ×{plan.Threads} (model {plan.Speedup:F1}×)");
#endif
    }

    private static IEnumerable<(string Label, string Binary)> Engines(EngineOptions options, string self)
    {
        if (options.OldBinary is not null)
        {
            yield return ("old", options.OldBinary);
        }

        yield return ("new", self);
    }

    private static List<Result> RunWorker(string binary, string label, EngineOptions options)
    {
        var arguments = new List<string>
        {
            "worker", "--label", label, "--data", options.DataFile, "--threads", options.Threads.ToString(CultureInfo.InvariantCulture),
            "--work", options.WorkGflop.ToString("R", CultureInfo.InvariantCulture),
            "--configs", string.Join(',', options.Configs.Select(c => c.Key)),
        };
        var output = Capture(binary, arguments, out var exitCode);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{binary} worker failed ({exitCode}): {output.Trim()}");
        }

        var results = new List<Result>();
        foreach (var line in output.Split('\n').Where(l => l.StartsWith("RESULT\t", StringComparison.Ordinal)))
        {
            var f = line.Split('\t');
            results.Add(new Result(f[2], Double(f[4]), Double(f[5])));
            Console.WriteLine(line.TrimEnd());
        }

        return results;
    }

    /// <summary>PyTorch's seconds per training window for each configuration (one epoch on the file's first rows).</summary>
    private static Dictionary<string, double> TorchEpochs(EngineOptions options)
    {
        var truncated = Path.Combine(Path.GetTempPath(), $"gantuner-engine-bench-{Environment.ProcessId}.csv");
        File.WriteAllLines(truncated, File.ReadLines(options.DataFile).Take(options.TorchRows + 1));
        var perWindow = new Dictionary<string, double>();
        try
        {
            foreach (var config in options.Configs)
            {
                var arguments = new List<string>
                {
                    options.TorchScript, truncated, Text(config.Layers), Text(config.Units), "0.001", Text(config.Batch), Text(config.Sequence),
                    config.Dropout.ToString("R", CultureInfo.InvariantCulture), "1", Text(options.Threads), "paper",
                };
                var output = Capture(options.Python, arguments, out var exitCode);
                var fields = output.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
                if (exitCode != 0 || !fields.TryGetValue("train_s", out var seconds) || !fields.TryGetValue("windows", out var windows))
                {
                    Console.Error.WriteLine($"torch_trial.py failed on {config.Key}: {output.Trim()}");
                    continue;
                }

                perWindow[config.Key] = Double(seconds) / Double(windows);
                Console.WriteLine($"TORCH\t{config.Key}\ttrain_s={seconds}\twindows={windows}");
            }
        }
        finally
        {
            File.Delete(truncated);
        }

        return perWindow;
    }

    private static string Capture(string program, IEnumerable<string> arguments, out int exitCode)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        exitCode = process.ExitCode;
        return output + errors.Result;
    }

    /// <summary>The 1-, 5- and 15-minute load averages.</summary>
    private static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static string Opt(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private sealed record Result(string Key, double SecondsPerEpoch, double Gflops);
}
