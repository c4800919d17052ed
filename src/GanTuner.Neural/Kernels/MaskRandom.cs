using System.Numerics;
using System.Runtime.CompilerServices;

namespace GanTuner.Neural.Kernels;

/// <summary>
/// A SplitMix64 stream for dropout masks: a value type reseeded per (batch, chunk) without allocating,
/// so masks depend only on the seed, the batch number and the chunk.
/// </summary>
internal struct MaskRandom
{
    private ulong _state;

    public MaskRandom(ulong seed, ulong batch, ulong chunk)
    {
        _state = seed;
        _state = Next() ^ (batch * 0xD6E8FEB86659FD93UL);
        _state = Next() ^ (chunk * 0xA0761D6478BD642FUL);
    }

    /// <summary>Fills <paramref name="mask"/> with 0 (probability <paramref name="rate"/>) or 1/(1 − rate): inverted dropout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill<T>(Span<T> mask, double rate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var keepScale = T.CreateChecked(1.0 / (1.0 - rate));
        // Compare 32-bit uniforms against an integer threshold: two draws per 64-bit step.
        var threshold = (uint)Math.Min(uint.MaxValue, Math.Round(rate * 4294967296.0));
        var k = 0;
        for (; k + 1 < mask.Length; k += 2)
        {
            var bits = Next();
            mask[k] = (uint)bits < threshold ? T.Zero : keepScale;
            mask[k + 1] = (uint)(bits >> 32) < threshold ? T.Zero : keepScale;
        }

        if (k < mask.Length)
        {
            mask[k] = (uint)Next() < threshold ? T.Zero : keepScale;
        }
    }

    private ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
