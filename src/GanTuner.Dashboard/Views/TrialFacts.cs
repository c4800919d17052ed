using System.Globalization;
using System.Text.Json;
using GanTuner.Storage;

namespace GanTuner.Dashboard.Views;

/// <summary>What the dashboard reads from a trial's attributes and metrics beyond the store's own fields.
/// Every piece is optional: a trial that does not record it shows without it.</summary>
internal static class TrialFacts
{
    /// <summary>Attributes a running trial may keep current: the epoch it is in and how many it will run.</summary>
    public const string EpochKey = "epoch";
    public const string EpochsKey = "epochs";

    /// <summary>Per-epoch losses, as JSON arrays of numbers.</summary>
    public static readonly string[] TrainLossKeys = ["epoch_train_loss", "train_loss_by_epoch"];
    public static readonly string[] ValidationLossKeys = ["epoch_val_loss", "epoch_validation_loss", "val_loss_by_epoch"];

    /// <summary>Metric prefixes of the baselines: the naive persistence forecast, and the linear AR(p).</summary>
    public const string NaivePrefix = "naive_";
    public static readonly string[] LinearPrefixes = ["ar_", "linear_"];

    public static TrialRow Row(TrialRecord trial) => new(
        trial.Number,
        trial.State.ToString(),
        trial.Value is { } v && double.IsFinite(v) ? v : null,
        trial.Parameters.ToDictionary(p => p.Key, p => Short(p.Value), StringComparer.Ordinal),
        trial.StartedAt,
        trial.Duration?.TotalSeconds,
        Progress(trial),
        trial.IsInterrupted,
        trial.Attributes.TryGetValue(StudyAttributeKeys.GanInjection, out var flag) && flag.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>"epoch 3 of 10" for a running trial that records it (or whose loss list grows), else null.</summary>
    public static string? Progress(TrialRecord trial)
    {
        if (trial.State != TrialState.Running)
        {
            return null;
        }

        var epoch = Integer(trial.Attributes.GetValueOrDefault(EpochKey)) ?? Losses(trial)?.Train.Count;
        if (epoch is null or 0)
        {
            return null;
        }

        var of = Integer(trial.Attributes.GetValueOrDefault(EpochsKey));
        return of is null ? $"epoch {epoch}" : $"epoch {epoch} of {of}";
    }

    public static EpochLosses? Losses(TrialRecord trial)
    {
        var train = Numbers(trial, TrainLossKeys);
        var validation = Numbers(trial, ValidationLossKeys);
        return train.Count == 0 && validation.Count == 0 ? null : new EpochLosses(train, validation);
    }

    public static IReadOnlyList<MetricRow> Metrics(TrialRecord trial)
    {
        var metrics = trial.Metrics;
        bool IsBaseline(string key) => key.StartsWith(NaivePrefix, StringComparison.Ordinal)
            || LinearPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))
            || (SplitLinearKey(key) is null && key.Contains(SplitLinearInfix, StringComparison.Ordinal));
        double? Get(string key) => metrics.TryGetValue(key, out var value) && double.IsFinite(value) ? value : null;
        return [.. metrics.Keys.Where(k => !IsBaseline(k)).Select(k => new MetricRow(
            k,
            Get(k),
            Get(NaivePrefix + k),
            LinearPrefixes.Select(p => Get(p + k)).Append(SplitLinearKey(k) is { } linear ? Get(linear) : null).FirstOrDefault(v => v is not null)))];
    }

    /// <summary>The forecasting metrics name the AR(p) baseline after the split: test_rmse_price's is test_ar_rmse_price.</summary>
    private const string SplitLinearInfix = "_ar_";

    private static string? SplitLinearKey(string key)
    {
        var split = key.IndexOf('_', StringComparison.Ordinal);
        return split <= 0 || key.AsSpan(split).StartsWith(SplitLinearInfix, StringComparison.Ordinal)
            ? null
            : string.Concat(key.AsSpan(0, split), SplitLinearInfix, key.AsSpan(split + 1));
    }

    /// <summary>A parameter as a table cell: six significant digits (the trial page shows it exactly).</summary>
    public static string Short(ParamValue value) =>
        value.Number is { } number ? number.ToString("G6", CultureInfo.InvariantCulture) : value.Text!;

    private static int? Integer(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static List<double> Numbers(TrialRecord trial, string[] keys)
    {
        foreach (var key in keys)
        {
            if (!trial.Attributes.TryGetValue(key, out var json))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind == JsonValueKind.Array)
                {
                    return [.. document.RootElement.EnumerateArray()
                        .Select(e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN)];
                }
            }
            catch (JsonException)
            {
                // An attribute of that name that is not a list of numbers is shown as text, not drawn.
            }
        }

        return [];
    }
}
