using System.Globalization;
using System.Runtime.Intrinsics;

namespace GanTuner.EngineBench;

/// <summary>
/// This machine's float32 peak, estimated as cores × clock × FLOP per cycle per core, where a core is
/// assumed to have two FMA pipes of its widest vector (AMD Zen 3/4 and Intel server cores do):
/// 2 × 8 lanes × 2 FLOP = 32 per cycle with AVX2, 64 with AVX-512. The clock is the nominal one from
/// /proc/cpuinfo (a virtual machine does not report its boost clock), so the fraction is an upper bound.
/// </summary>
internal static class PeakEstimate
{
    public static double FlopsPerCycle => Vector512.IsHardwareAccelerated ? 64 : Vector256.IsHardwareAccelerated ? 32 : 4;

    public static double Megahertz()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("cpu MHz", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    public static double Gflops() => Environment.ProcessorCount * Megahertz() * FlopsPerCycle / 1000;

    public static string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Vector512.IsHardwareAccelerated ? "AVX-512" : Vector256.IsHardwareAccelerated ? "AVX2" : "no SIMD")}, {Megahertz():F0} MHz nominal, peak ≈ {Environment.ProcessorCount} cores × {Megahertz():F0} MHz × {FlopsPerCycle} FLOP/cycle = {Gflops():F0} GFLOP/s (float32)");
}
