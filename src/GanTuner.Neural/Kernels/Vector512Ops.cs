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
    public static Vector512Ops<T> MultiplyAddScalar(Vector512Ops<T> a, ref T b, Vector512Ops<T> c)
    {
        // Written on the concrete type so the JIT folds the broadcast into the FMA ({1to16} from memory).
        if (typeof(T) == typeof(float))
        {
            return new(Vector512.FusedMultiplyAdd(a._value.AsSingle(), Vector512.Create(Unsafe.As<T, float>(ref b)), c._value.AsSingle()).As<float, T>());
        }

        if (typeof(T) == typeof(double))
        {
            return new(Vector512.FusedMultiplyAdd(a._value.AsDouble(), Vector512.Create(Unsafe.As<T, double>(ref b)), c._value.AsDouble()).As<double, T>());
        }

        return MultiplyAdd(a, Broadcast(b), c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> Add(Vector512Ops<T> a, Vector512Ops<T> b) => new(a._value + b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> Subtract(Vector512Ops<T> a, Vector512Ops<T> b) => new(a._value - b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> Multiply(Vector512Ops<T> a, Vector512Ops<T> b) => new(a._value * b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> Divide(Vector512Ops<T> a, Vector512Ops<T> b) => new(a._value / b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Ops<T> Exp(Vector512Ops<T> x)
    {
        if (typeof(T) == typeof(float))
        {
            return new(ExpSingle(x._value.AsSingle()).As<float, T>());
        }

        if (typeof(T) == typeof(double))
        {
            return new(Vector512.Exp(x._value.AsDouble()).As<double, T>());
        }

        throw new NotSupportedException(typeof(T).Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512Ops<T> value) => Vector512.Sum(value._value);

    // Cephes expf: e^x = 2^n · e^r with n = round(x / ln 2) and |r| ≤ ln 2 / 2, e^r by a degree-7 polynomial.
    // The clamp keeps 2^n a normal float; the runtime's Exp widens to double and costs several times more.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpSingle(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-87.33f)), Vector512.Create(88.0f));
        var n = Vector512.Round(x * Vector512.Create(1.44269504088896341f));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-0.693359375f), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(2.12194440e-4f), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(1.9875691500e-4f), r, Vector512.Create(1.3981999507e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894e-2f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459e-1f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201e-1f));
        p = Vector512.FusedMultiplyAdd(p, r * r, r + Vector512<float>.One);
        var scale = (Vector512.ConvertToInt32Native(n) + Vector512.Create(127)) << 23;
        return p * scale.AsSingle();
    }
}
