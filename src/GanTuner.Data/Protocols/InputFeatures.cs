namespace GanTuner.Data.Protocols;

/// <summary>What the LSTM sees at each time step. The modelled close (a price under the level target, a log return
/// under log-return) is always the first input; the others are optional extras, in this order.</summary>
[Flags]
public enum InputFeatures
{
    /// <summary>The modelled series, as before features existed.</summary>
    Close = 1,

    /// <summary>The one-step log return of the close (0 on the first row, which has no previous close).</summary>
    Return = 2,

    /// <summary>The day's range relative to its close: (high − low) / close.</summary>
    Range = 4,

    /// <summary>ln(1 + volume): raw volumes span orders of magnitude.</summary>
    Volume = 8,
}
