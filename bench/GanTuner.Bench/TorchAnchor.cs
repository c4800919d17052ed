using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GanTuner.Bench;

/// <summary>Runs ../shared/anchors/torch_trial.py on one configuration and reads its training seconds and MSEs.</summary>
internal static partial class TorchAnchor
{
    public static (double TrainSeconds, double TestMse, double NaiveMse)? Run(BenchOptions options, AppendixRow row)
    {
        var start = new ProcessStartInfo(options.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            options.TorchScript, options.DataFile,
            Text(row.Layers), Text(row.Units), Text(row.LearningRate), Text(row.BatchSize), Text(row.SequenceLength), Text(row.Dropout),
            Text(options.Epochs), Text(options.TorchThreads), options.Protocol,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {options.Python}");
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var match = ResultLine().Match(output);
        if (process.ExitCode != 0 || !match.Success)
        {
            Console.Error.WriteLine($"torch_trial.py failed on row {row.Iteration}: {output.Trim()} {errorTask.Result.Trim()}");
            return null;
        }

        return (Double(match.Groups["train"].Value), Double(match.Groups["mse"].Value), Double(match.Groups["naive"].Value));
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"train_s=(?<train>[-+0-9.eE]+) test_mse=(?<mse>[-+0-9.eEna]+) naive_mse=(?<naive>[-+0-9.eEna]+)")]
    private static partial Regex ResultLine();
}
