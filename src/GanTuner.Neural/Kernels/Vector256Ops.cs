using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanTuner.Neural.Kernels;

/// <summary>256-bit registers (AVX2).</summary>
internal readonly struct Vector256Ops<T> : IVector<Vector256Ops<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Vector256<T> _value;

    private Vector256Ops(Vector256<T> value) => _value = value;

    public static int Count => Vector256<T>.Count;

    public static Vector256Ops<T> Zero => new(Vector256<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> Broadcast(T value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> Load(ref T source) => new(Vector256.LoadUnsafe(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256Ops<T> value, ref T destination) => value._value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> MultiplyAdd(Vector256Ops<T> a, Vector256Ops<T> b, Vector256Ops<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return new(Vector256.FusedMultiplyAdd(a._value.AsSingle(), b._value.AsSingle(), c._value.AsSingle()).As<float, T>());
        }

        if (typeof(T) == typeof(double))
        {
            return new(Vector256.FusedMultiplyAdd(a._value.AsDouble(), b._value.AsDouble(), c._value.AsDouble()).As<double, T>());
        }

        return new((a._value * b._value) + c._value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> Add(Vector256Ops<T> a, Vector256Ops<T> b) => new(a._value + b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> Subtract(Vector256Ops<T> a, Vector256Ops<T> b) => new(a._value - b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> Multiply(Vector256Ops<T> a, Vector256Ops<T> b) => new(a._value * b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256Ops<T> value) => Vector256.Sum(value._value);
}
