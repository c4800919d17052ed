using GanTuner.Forecasting;
using GanTuner.Neural;

namespace GanTuner.Studies.Predict;

/// <summary>Finds the model <c>predict</c> uses when none is named: the newest best model that <c>tune</c>
/// wrote under <c>./gantuner-out/</c>.</summary>
public static class ModelLocator
{
    /// <exception cref="ModelFileException">There is no saved best model there.</exception>
    public static string Newest(string workingDirectory)
    {
        var root = Path.Combine(workingDirectory, StudyFiles.OutRoot);
        var newest = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Select(StudyFiles.BestModelPath)
                .Where(File.Exists)
                .MaxBy(File.GetLastWriteTimeUtc)
            : null;
        return newest ?? throw new ModelFileException(
            $"no saved model: {Path.Combine(StudyFiles.OutRoot, "*", Path.GetFileName(StudyFiles.BestModelPath(".")))} does not exist here; run 'gantuner tune' first or give --model FILE");
    }
}
