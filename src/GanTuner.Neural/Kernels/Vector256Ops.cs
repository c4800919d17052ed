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
    public static Vector256Ops<T> MultiplyAddScalar(Vector256Ops<T> a, ref T b, Vector256Ops<T> c)
    {
        // Written on the concrete type so the JIT folds the broadcast into the FMA ({1to16} from memory).
        if (typeof(T) == typeof(float))
        {
            return new(Vector256.FusedMultiplyAdd(a._value.AsSingle(), Vector256.Create(Unsafe.As<T, float>(ref b)), c._value.AsSingle()).As<float, T>());
        }

        if (typeof(T) == typeof(double))
        {
            return new(Vector256.FusedMultiplyAdd(a._value.AsDouble(), Vector256.Create(Unsafe.As<T, double>(ref b)), c._value.AsDouble()).As<double, T>());
        }

        return MultiplyAdd(a, Broadcast(b), c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> Add(Vector256Ops<T> a, Vector256Ops<T> b) => new(a._value + b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> Subtract(Vector256Ops<T> a, Vector256Ops<T> b) => new(a._value - b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> Multiply(Vector256Ops<T> a, Vector256Ops<T> b) => new(a._value * b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> Divide(Vector256Ops<T> a, Vector256Ops<T> b) => new(a._value / b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Ops<T> Exp(Vector256Ops<T> x)
    {
        if (typeof(T) == typeof(float))
        {
            return new(ExpSingle(x._value.AsSingle()).As<float, T>());
        }

        if (typeof(T) == typeof(double))
        {
            return new(Vector256.Exp(x._value.AsDouble()).As<double, T>());
        }

        throw new NotSupportedException(typeof(T).Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256Ops<T> value) => Vector256.Sum(value._value);

    // Cephes expf: e^x = 2^n · e^r with n = round(x / ln 2) and |r| ≤ ln 2 / 2, e^r by a degree-7 polynomial.
    // The clamp keeps 2^n a normal float; the runtime's Exp widens to double and costs several times more.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpSingle(Vector256<float> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-87.33f)), Vector256.Create(88.0f));
        var n = Vector256.Round(x * Vector256.Create(1.44269504088896341f));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-0.693359375f), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(2.12194440e-4f), r);
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(1.9875691500e-4f), r, Vector256.Create(1.3981999507e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
        p = Vector256.FusedMultiplyAdd(p, r * r, r + Vector256<float>.One);
        var scale = (Vector256.ConvertToInt32Native(n) + Vector256.Create(127)) << 23;
        return p * scale.AsSingle();
    }
}
