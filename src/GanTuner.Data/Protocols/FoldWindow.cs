namespace GanTuner.Data.Protocols;

/// <summary>Which rows a walk-forward fold trains on.</summary>
public enum FoldWindow
{
    /// <summary>Every development row before the fold's validation block.</summary>
    Expanding,

    /// <summary>A fixed number of rows (the first fold's) just before the fold's validation block.</summary>
    Sliding,
}
