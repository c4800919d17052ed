using System.Globalization;

namespace GanTuner.EngineBench;

/// <summary>One engine configuration: the shape and batch of a trial, written "layers×units/batch/seq".</summary>
internal sealed record EngineConfig(int Layers, int Units, int Batch, int Sequence, double Dropout = 0.2)
{
    /// <summary>The configurations of the goals, Appendix B rows that stress the engine, and a wide batch.</summary>
    public static IReadOnlyList<EngineConfig> Defaults { get; } =
    [
        new(5, 48, 16, 60),
        new(2, 34, 16, 30),
        new(3, 40, 32, 100),
        new(5, 48, 16, 128),
        new(1, 15, 16, 49),
        new(2, 12, 16, 85),
        new(4, 6, 16, 60),
        new(1, 43, 32, 22),
        new(2, 24, 512, 83),
    ];

    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Layers}x{Units}/{Batch}/{Sequence}");

    public static EngineConfig Parse(string text)
    {
        var parts = text.Split('/', 'x');
        if (parts.Length != 4)
        {
            throw new FormatException($"a configuration is layers x units / batch / seq, got '{text}'");
        }

        var n = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new EngineConfig(n[0], n[1], n[2], n[3]);
    }

    /// <summary>
    /// Floating-point operations of one training batch of <paramref name="rows"/> windows, counting the
    /// matrix products only (2 per multiply-add): per layer and step the forward gate product, the
    /// weight-gradient product, the recurrent ∂h product (t &gt; 0) and, above layer 0, the ∂x product.
    /// </summary>
    public double FlopsPerBatch(int rows)
    {
        double total = 0;
        for (var l = 0; l < Layers; l++)
        {
            var inputs = l == 0 ? 1 : Units;
            var gates = 4.0 * Units;
            var perStep = 2 * gates * (inputs + Units) * 2;
            perStep += l > 0 ? 2 * gates * inputs : 0;
            total += (perStep * Sequence) + (2 * gates * Units * (Sequence - 1));
        }

        return total * rows;
    }
}
