namespace GanTuner.Data.Protocols;

/// <summary>The command-line names and one-line descriptions of protocols and targets.</summary>
public static class ProtocolNames
{
    public static IReadOnlyList<string> Protocols { get; } = ["holdout", "paper", "paper-shuffled"];

    public static IReadOnlyList<string> Targets { get; } = ["level", "log-return"];

    public static IReadOnlyList<string> Scalings { get; } = ["global", "window"];

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
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
    };

    public static string Name(this ForecastTarget target) => target switch
    {
        ForecastTarget.Level => "level",
        ForecastTarget.LogReturn => "log-return",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    public static string Describe(this Protocol protocol) => protocol switch
    {
        Protocol.Holdout =>
            "holdout: chronological; train on the first 80 % less its last 10 % (validation), test on the last 20 %; "
            + "scaler fitted on the training rows only; the search optimises validation MSE",
        Protocol.Paper =>
            "paper: scaler fitted on the whole series (it sees test prices), chronological 80/20 split; "
            + "the search optimises test MSE",
        Protocol.PaperShuffled =>
            "paper-shuffled (LEAKY): as paper but windows shuffled before the 80/20 split, so training windows come "
            + "from after test days; reproduces the paper's error levels, not a fair forecast",
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
