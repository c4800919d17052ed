using SkiaSharp;

namespace GanTuner.Reporting.Tests;

/// <summary>Checks that bytes are a real, decodable PNG of a useful size, not just a file with the right name.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) AssertValid(byte[] bytes, string what)
    {
        Assert.True(bytes.Length > 8 && bytes.AsSpan(0, 8).SequenceEqual(Signature), $"{what}: no PNG signature");
        Assert.True(bytes.Length > 10_000, $"{what}: only {bytes.Length} bytes, too small for a drawn chart");
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.True(bitmap is not null, $"{what}: does not decode");
        Assert.True(bitmap.Width >= 1000 && bitmap.Height >= 400, $"{what}: {bitmap.Width}x{bitmap.Height} is too small");
        Assert.True(DistinctColours(bitmap) > 8, $"{what}: nearly blank");
        return (bitmap.Width, bitmap.Height);
    }

    private static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 7)
        {
            for (var x = 0; x < bitmap.Width; x += 7)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }
}
