using System.Globalization;

namespace GanTuner.Bench;

/// <summary>Command-line options of the benchmark (see bench/README.md).</summary>
internal sealed record BenchOptions
{
    public string DataFile { get; init; } = SharedPath("data", "gspc_1927_2023_daily.csv");

    public string AppendixFile { get; init; } = SharedPath("data", "appendix_b.csv");

    public string TorchScript { get; init; } = SharedPath("anchors", "torch_trial.py");

    public string Python { get; init; } = "/usr/bin/python3";

    public string Protocol { get; init; } = "paper";

    public int Epochs { get; init; } = 10;

    /// <summary>Our engine's threads; 0 = every core.</summary>
    public int Threads { get; init; }

    public int TorchThreads { get; init; } = 2;

    public bool RunTorch { get; init; } = true;

    public long Seed { get; init; }

    /// <summary>Appendix B iterations to run; empty = all 20.</summary>
    public IReadOnlySet<int> Rows { get; init; } = new HashSet<int>();

    /// <summary>Also run the 5 × 50, seq 250, batch 2048 memory probe.</summary>
    public bool MemoryProbe { get; init; }

    /// <summary>Run only the memory probe.</summary>
    public bool MemoryOnly { get; init; }

    /// <summary>Where to write the Markdown table (besides stdout).</summary>
    public string? OutFile { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--data" => o with { DataFile = Next() },
                "--appendix" => o with { AppendixFile = Next() },
                "--torch-script" => o with { TorchScript = Next() },
                "--python" => o with { Python = Next() },
                "--protocol" => o with { Protocol = Next() },
                "--epochs" => o with { Epochs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--threads" => o with { Threads = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--torch-threads" => o with { TorchThreads = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--no-torch" => o with { RunTorch = false },
                "--seed" => o with { Seed = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rows" => o with { Rows = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet() },
                "--memory" => o with { MemoryProbe = true },
                "--memory-only" => o with { MemoryProbe = true, MemoryOnly = true },
                "--out" => o with { OutFile = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return o;
    }

    /// <summary>A file under the shared folder that sits beside the repository (../shared from the repo root).</summary>
    private static string SharedPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GanTuner.slnx")))
            {
                return Path.Combine([dir.FullName, "..", "shared", .. parts]);
            }
        }

        return Path.Combine(["..", "shared", .. parts]);
    }
}
