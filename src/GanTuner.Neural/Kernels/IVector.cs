using System.Numerics;

namespace GanTuner.Neural.Kernels;

/// <summary>
/// A SIMD register of <typeparamref name="T"/> seen through static abstract members, so that each
/// kernel is written once and the JIT specialises it for 512-bit, 256-bit and scalar widths.
/// </summary>
internal interface IVector<TSelf, T>
    where TSelf : struct, IVector<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    static abstract int Count { get; }

    static abstract TSelf Zero { get; }

    static abstract TSelf Broadcast(T value);

    static abstract TSelf Load(ref T source);

    static abstract void Store(TSelf value, ref T destination);

    /// <summary>a · b + c, fused where the hardware allows.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary>a · b + c with the scalar b broadcast, fused; bitwise the same as <see cref="MultiplyAdd"/> of a and b's broadcast.</summary>
    static abstract TSelf MultiplyAddScalar(TSelf a, ref T b, TSelf c);

    static abstract TSelf Add(TSelf a, TSelf b);

    static abstract TSelf Subtract(TSelf a, TSelf b);

    static abstract TSelf Multiply(TSelf a, TSelf b);

    static abstract TSelf Divide(TSelf a, TSelf b);

    /// <summary>eˣ: a Cephes-style polynomial (about 1 ulp) for float, the runtime's exp for double.</summary>
    static abstract TSelf Exp(TSelf x);

    /// <summary>Horizontal sum, always in the same order.</summary>
    static abstract T Sum(TSelf value);
}
