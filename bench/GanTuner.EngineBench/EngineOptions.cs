using System.Globalization;

namespace GanTuner.EngineBench;

/// <summary>Command-line options of the engine benchmark (see bench/README.md).</summary>
internal sealed record EngineOptions
{
    /// <summary>"compare" (the table) or "worker" (one engine, RESULT lines).</summary>
    public string Mode { get; init; } = "compare";

    public string Label { get; init; } = "new";

    public string DataFile { get; init; } = SharedPath("data", "gspc_1927_2023_daily.csv");

    public string TorchScript { get; init; } = SharedPath("anchors", "torch_trial.py");

    public string Python { get; init; } = "/usr/bin/python3";

    /// <summary>The old engine's bench binary (GanTuner.EngineBench built on commit 6bc0abc); none = new engine only.</summary>
    public string? OldBinary { get; init; }

    public int Threads { get; init; } = 2;

    /// <summary>Rounds of old, new (A B A B …); the table keeps each configuration's fastest round.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>Matrix-product work timed per configuration and round, in GFLOP.</summary>
    public double WorkGflop { get; init; } = 12;

    public bool RunTorch { get; init; } = true;

    /// <summary>Rows of the price file PyTorch trains one epoch on (its seconds are scaled to the full epoch).</summary>
    public int TorchRows { get; init; } = 800;

    public IReadOnlyList<EngineConfig> Configs { get; init; } = EngineConfig.Defaults;

    public string? OutFile { get; init; }

    public static EngineOptions Parse(string[] args)
    {
        var o = new EngineOptions();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            o = o with { Mode = args[0] is "worker" or "compare" ? args[0] : throw new ArgumentException($"unknown mode {args[0]}") };
            i = 1;
        }

        for (; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--label" => o with { Label = Next() },
                "--data" => o with { DataFile = Next() },
                "--torch-script" => o with { TorchScript = Next() },
                "--python" => o with { Python = Next() },
                "--old" => o with { OldBinary = Next() },
                "--threads" => o with { Threads = Int(Next()) },
                "--repeats" => o with { Repeats = Int(Next()) },
                "--work" => o with { WorkGflop = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--no-torch" => o with { RunTorch = false },
                "--torch-rows" => o with { TorchRows = Int(Next()) },
                "--configs" => o with { Configs = Next().Split(',').Select(EngineConfig.Parse).ToArray() },
                "--out" => o with { OutFile = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return o;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>A file under the shared folder beside the repository (../shared from the repo root).</summary>
    private static string SharedPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GanTuner.slnx")))
            {
                return Path.Combine([dir.FullName, "..", "shared", .. parts]);
            }
        }

        return Path.Combine(["/work", "shared", .. parts]);
    }
}
