using System.Globalization;

namespace GanTuner.Bench;

/// <summary>One configuration of the paper's Appendix B with the MSE and seconds the paper reported.</summary>
internal sealed record AppendixRow(int Iteration, int Layers, int Units, double LearningRate, int BatchSize, int SequenceLength, double Dropout, double PaperMse, double PaperSeconds)
{
    /// <summary>Reads appendix_b.csv (header: iteration,layers,units,learning_rate,batch_size,sequence_length,dropout,mse,seconds).</summary>
    public static IReadOnlyList<AppendixRow> ReadAll(string path)
    {
        var rows = new List<AppendixRow>();
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var f = line.Split(',');
            rows.Add(new AppendixRow(
                Int(f[0]), Int(f[1]), Int(f[2]), Double(f[3]), Int(f[4]), Int(f[5]), Double(f[6]), Double(f[7]), Double(f[8])));
        }

        return rows;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
