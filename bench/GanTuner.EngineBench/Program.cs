using System.Globalization;
using GanTuner.EngineBench;

// Engine benchmark: see bench/README.md. "worker" times configurations with the engine this binary is built on.
try
{
    var o = EngineOptions.Parse(args);
    if (o.Mode == "worker")
    {
        EngineWorker.Run(o.Label, o.DataFile, o.Threads, o.Configs, o.WorkGflop);
        return 0;
    }

    return EngineCompare.Run(o);
}
catch (Exception e) when (e is ArgumentException or FormatException or FileNotFoundException or InvalidOperationException)
{
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine-bench: {e.Message}"));
    return 2;
}
