using System.Numerics;
using System.Runtime.CompilerServices;

namespace GanTuner.Neural.Kernels;

/// <summary>One lane: the portable fallback when no SIMD width is accelerated.</summary>
internal readonly struct ScalarOps<T> : IVector<ScalarOps<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _value;

    private ScalarOps(T value) => _value = value;

    public static int Count => 1;

    public static ScalarOps<T> Zero => new(T.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarOps<T> Broadcast(T value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarOps<T> Load(ref T source) => new(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarOps<T> value, ref T destination) => destination = value._value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarOps<T> MultiplyAdd(ScalarOps<T> a, ScalarOps<T> b, ScalarOps<T> c) => new(T.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarOps<T> MultiplyAddScalar(ScalarOps<T> a, ref T b, ScalarOps<T> c) => new(T.FusedMultiplyAdd(a._value, b, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarOps<T> Add(ScalarOps<T> a, ScalarOps<T> b) => new(a._value + b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarOps<T> Subtract(ScalarOps<T> a, ScalarOps<T> b) => new(a._value - b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarOps<T> Multiply(ScalarOps<T> a, ScalarOps<T> b) => new(a._value * b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarOps<T> Divide(ScalarOps<T> a, ScalarOps<T> b) => new(a._value / b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarOps<T> Exp(ScalarOps<T> x) => new(T.Exp(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(ScalarOps<T> value) => value._value;
}
