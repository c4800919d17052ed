using System.Text.Json;

namespace GanTuner.Neural.Tests;

/// <summary>Reads the PyTorch reference cases copied under Fixtures/.</summary>
internal static class Fixture
{
    public static IReadOnlyList<JsonElement> Cases(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToList();
    }

    public static double[] Doubles(this JsonElement e, string name)
    {
        var p = e.GetProperty(name);
        if (p.ValueKind == JsonValueKind.Object)
        {
            p = p.GetProperty("data");
        }

        return p.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    }

    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative, double absolute, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var tolerance = Math.Max(absolute, relative * Math.Abs(expected[i]));
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance:G3})");
        }
    }
}
