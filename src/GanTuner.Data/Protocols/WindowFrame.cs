namespace GanTuner.Data.Protocols;

/// <summary>
/// The affine map between one window's raw values (prices or log returns) and what the model sees:
/// scaled = (raw − <see cref="Offset"/>) / <see cref="Scale"/>. Under global scaling every window shares
/// the min–max frame; under window scaling each window has its own.
/// </summary>
public readonly record struct WindowFrame(double Offset, double Scale)
{
    public double Forward(double raw) => (raw - Offset) / Scale;

    public double Inverse(double scaled) => (scaled * Scale) + Offset;
}
