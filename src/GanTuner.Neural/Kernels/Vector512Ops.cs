using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanTuner.Neural.Kernels;

/// <summary>512-bit registers (AVX-512).</summary>
internal readonly struct Vector512Ops<T> : IVector<Vector512Ops<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Vector512<T> _value;

    private Vector512Ops(Vector512<T> value) => _value = value;

    public static int Count => Vector512<T>.Count;

    public static Vector512Ops<T> Zero => new(Vector512<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> Broadcast(T value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> Load(ref T source) => new(Vector512.LoadUnsafe(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512Ops<T> value, ref T destination) => value._value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> MultiplyAdd(Vector512Ops<T> a, Vector512Ops<T> b, Vector512Ops<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return new(Vector512.FusedMultiplyAdd(a._value.AsSingle(), b._value.AsSingle(), c._value.AsSingle()).As<float, T>());
        }

        if (typeof(T) == typeof(double))
        {
            return new(Vector512.FusedMultiplyAdd(a._value.AsDouble(), b._value.AsDouble(), c._value.AsDouble()).As<double, T>());
        }

        return new((a._value * b._value) + c._value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> Add(Vector512Ops<T> a, Vector512Ops<T> b) => new(a._value + b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> Subtract(Vector512Ops<T> a, Vector512Ops<T> b) => new(a._value - b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> Multiply(Vector512Ops<T> a, Vector512Ops<T> b) => new(a._value * b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512Ops<T> value) => Vector512.Sum(value._value);
}
