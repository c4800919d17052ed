namespace GanTuner.Reporting.Model;

/// <summary>What the page header says about a study: its name, tuner, objective, and the data it ran on.</summary>
public sealed record StudySummary(string Name, string Tuner, string Objective)
{
    /// <summary>The evaluation protocol (holdout, paper, paper-shuffled, walk-forward), when the study recorded it.</summary>
    public string? Protocol { get; init; }

    /// <summary>Where the prices came from (a file, a symbol, the embedded set), when recorded.</summary>
    public string? DataSource { get; init; }

    /// <summary>The modelled price column (close, adjclose), when recorded.</summary>
    public string? Target { get; init; }

    /// <summary>The seed every random choice of the study flowed from, when recorded.</summary>
    public string? Seed { get; init; }
}
