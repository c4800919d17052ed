using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GanTuner.Neural.Kernels;

/// <summary>
/// SplitMix64 streams for dropout masks: a value type reseeded per (batch, chunk) without allocating,
/// so masks depend only on the seed, the batch number and the chunk.
/// </summary>
internal struct MaskRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL;
    private const ulong Mix2 = 0x94D049BB133111EBUL;

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
        // 32-bit uniforms compared with an integer threshold: two per 64-bit draw.
        var threshold = (uint)Math.Min(uint.MaxValue, Math.Round(rate * 4294967296.0));
        var k = 0;
        if (typeof(T) == typeof(float) && Vector512.IsHardwareAccelerated)
        {
            k = FillVector(MemoryMarshal.Cast<T, float>(mask), float.CreateTruncating(keepScale), threshold);
        }

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

    /// <summary>Eight SplitMix64 lanes seeded from this stream fill whole vectors; returns how many values were written.</summary>
    private int FillVector(Span<float> mask, float keepScale, uint threshold)
    {
        var full = mask.Length / Vector512<float>.Count * Vector512<float>.Count;
        if (full == 0)
        {
            return 0;
        }

        Span<ulong> seeds = stackalloc ulong[Vector512<ulong>.Count];
        for (var lane = 0; lane < seeds.Length; lane++)
        {
            seeds[lane] = Next();
        }

        var state = Vector512.Create<ulong>(seeds);
        var golden = Vector512.Create(Golden);
        var mix1 = Vector512.Create(Mix1);
        var mix2 = Vector512.Create(Mix2);
        var limit = Vector512.Create(threshold);
        var keep = Vector512.Create(keepScale);
        ref var destination = ref MemoryMarshal.GetReference(mask);
        for (var k = 0; k < full; k += Vector512<float>.Count)
        {
            state += golden;
            var z = (state ^ (state >> 30)) * mix1;
            z = (z ^ (z >> 27)) * mix2;
            z ^= z >> 31;
            var dropped = Vector512.LessThan(z.AsUInt32(), limit).AsSingle();
            Vector512.ConditionalSelect(dropped, Vector512<float>.Zero, keep).StoreUnsafe(ref destination, (nuint)k);
        }

        return full;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Next()
    {
        var z = _state += Golden;
        z = (z ^ (z >> 30)) * Mix1;
        z = (z ^ (z >> 27)) * Mix2;
        return z ^ (z >> 31);
    }
}
