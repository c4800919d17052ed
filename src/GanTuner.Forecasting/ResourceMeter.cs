using System.Diagnostics;

namespace GanTuner.Forecasting;

/// <summary>
/// Measures a span of work: wall time, process CPU time, and the process's peak working set during
/// the span (sampled every 20 ms, plus at start and stop, since the OS's own peak covers the whole
/// process lifetime).
/// </summary>
internal sealed class ResourceMeter : IDisposable
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuStart = CurrentCpu();
    private readonly Timer _sampler;
    private long _peakBytes = Environment.WorkingSet;

    public ResourceMeter()
    {
        _sampler = new Timer(_ => Sample(), null, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20));
    }

    public double WallSeconds => _wall.Elapsed.TotalSeconds;

    /// <summary>Stops sampling and returns wall seconds, CPU seconds, CPU % of all cores and peak MB.</summary>
    public (double Wall, double Cpu, double CpuPercent, double PeakMb) Stop()
    {
        _sampler.Dispose();
        Sample();
        var wall = _wall.Elapsed.TotalSeconds;
        var cpu = (CurrentCpu() - _cpuStart).TotalSeconds;
        var percent = wall > 0 ? 100.0 * cpu / (wall * Environment.ProcessorCount) : 0.0;
        return (wall, cpu, percent, Interlocked.Read(ref _peakBytes) / (1024.0 * 1024.0));
    }

    public void Dispose() => _sampler.Dispose();

    private static TimeSpan CurrentCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private void Sample()
    {
        var now = Environment.WorkingSet;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peakBytes);
        }
        while (now > seen && Interlocked.CompareExchange(ref _peakBytes, now, seen) != seen);
    }
}
