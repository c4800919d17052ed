namespace GanTuner.Data.Protocols;

/// <summary>The command-line names and one-line descriptions of protocols and targets.</summary>
public static class ProtocolNames
{
    public static IReadOnlyList<string> Protocols { get; } = ["holdout", "paper", "paper-shuffled", "walk-forward"];

    public static IReadOnlyList<string> Targets { get; } = ["level", "log-return"];

    public static IReadOnlyList<string> Scalings { get; } = ["global", "window"];

    public static IReadOnlyList<string> FoldWindows { get; } = ["expanding", "sliding"];

    public static string Name(this FoldWindow window) => window switch
    {
        FoldWindow.Expanding => "expanding",
        FoldWindow.Sliding => "sliding",
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    public static bool TryParseFoldWindow(string? text, out FoldWindow window)
    {
        var index = Index(FoldWindows, text);
        window = (FoldWindow)Math.Max(index, 0);
        return index >= 0;
    }

    public static string Name(this Scaling scaling) => scaling switch
    {
        Scaling.Global => "global",
        Scaling.Window => "window",
        _ => throw new ArgumentOutOfRangeException(nameof(scaling), scaling, null),
    };

    public static bool TryParseScaling(string? text, out Scaling scaling)
    {
        var index = Index(Scalings, text);
        scaling = (Scaling)Math.Max(index, 0);
        return index >= 0;
    }

    public static string Name(this Protocol protocol) => protocol switch
    {
        Protocol.Holdout => "holdout",
        Protocol.Paper => "paper",
        Protocol.PaperShuffled => "paper-shuffled",
        Protocol.WalkForward => "walk-forward",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
    };

    public static string Name(this ForecastTarget target) => target switch
    {
        ForecastTarget.Level => "level",
        ForecastTarget.LogReturn => "log-return",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>The split whose MSE a tuner minimises: validation under holdout and walk-forward (there the folds'
    /// mean), test under the paper protocols.</summary>
    public static SplitKind ObjectiveSplit(this Protocol protocol) =>
        protocol is Protocol.Holdout or Protocol.WalkForward ? SplitKind.Validation : SplitKind.Test;

    // One wording of ObjectiveMeasure's rule for every protocol's description, so they cannot drift apart.
    private const string ObjectiveRule = "(U2 on prices under window scaling, scaled MSE under global scaling)";

    public static string Describe(this Protocol protocol) => protocol switch
    {
        Protocol.Holdout =>
            "holdout: chronological; train on the first 80 % less its last 10 % (validation), test on the last 20 %; "
            + "scaler fitted on the training rows only; the search minimises the objective on validation "
            + ObjectiveRule,
        Protocol.Paper =>
            "paper: scaler fitted on the whole series (it sees test prices), chronological 80/20 split; "
            + "the search minimises the objective on test " + ObjectiveRule,
        Protocol.PaperShuffled =>
            "paper-shuffled (LEAKY): as paper but windows shuffled before the 80/20 split, so training windows come "
            + "from after test days; reproduces the paper's error levels, not a fair forecast",
        Protocol.WalkForward =>
            "walk-forward: chronological; test on the last 20 %; the first 80 % holds K folds, each validating on a later "
            + "block and trained, scaler included, on the rows before it only; the search minimises the folds' mean "
            + "validation objective; the last fold's model is scored on test",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
    };

    public static bool TryParseProtocol(string? text, out Protocol protocol)
    {
        var index = Index(Protocols, text);
        protocol = (Protocol)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool TryParseTarget(string? text, out ForecastTarget target)
    {
        var index = Index(Targets, text);
        target = (ForecastTarget)Math.Max(index, 0);
        return index >= 0;
    }

    private static int Index(IReadOnlyList<string> names, string? text)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
