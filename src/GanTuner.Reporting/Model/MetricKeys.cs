namespace GanTuner.Reporting.Model;

/// <summary>The metric names a trial records (GanTuner.Forecasting's <c>TrialResult.ToMetrics()</c>) that the
/// report reads. Scaled metrics are on the min-max scale; <c>_price</c> ones are in price units.</summary>
public static class MetricKeys
{
    public const string PriceSuffix = "_price";
    public const string NaivePrefix = "naive_";
    public const string ValidationPrefix = "val";
    public const string TestPrefix = "test";

    public const string Mse = "mse";
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string R2 = "r2";

    public const string TestRmse = "test_rmse";
    public const string TestMae = "test_mae";
    public const string TestR2 = "test_r2";
    public const string TestU2 = "test_u2";
    public const string TestDmNaiveP = "test_dm_naive_p";
    public const string CpuPercent = "cpu_percent";
    public const string PeakMemoryMb = "peak_memory_mb";
    public const string TrainSeconds = "train_seconds";

    /// <summary>The key of a metric on a split: <c>Key("test", "mse", price: true)</c> is <c>test_mse_price</c>;
    /// with <paramref name="naive"/> it is the persistence forecast's, <c>naive_test_mse_price</c>.</summary>
    public static string Key(string split, string metric, bool price = false, bool naive = false) =>
        (naive ? NaivePrefix : "") + split + "_" + metric + (price ? PriceSuffix : "");
}
