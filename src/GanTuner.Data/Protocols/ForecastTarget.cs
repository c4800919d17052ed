namespace GanTuner.Data.Protocols;

/// <summary>What a model predicts for the target day.</summary>
public enum ForecastTarget
{
    /// <summary>The scaled close, as the paper did.</summary>
    Level,

    /// <summary>The scaled log return from the previous close; the price is rebuilt from the last known close.</summary>
    LogReturn,
}
