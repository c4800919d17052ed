using GanTuner.Forecasting;

namespace GanTuner.Dashboard.Tests;

/// <summary>One dashboard over three seeded studies, shared by the tests of a class that only read.</summary>
public sealed class SeededDashboard : IAsyncLifetime
{
    /// <summary>What an LSTM trial of three epochs records (written into study beta as its trial 12 by the
    /// objective's own attribute writer, so the dashboard reads exactly what a tune stores).</summary>
    internal static TrialResult TrainedTrial { get; } = new()
    {
        Config = new TrialConfig(1, 4, 0.01, 16, 5, 0),
        Status = TrialStatus.Ok,
        EpochTrainLoss = [0.9, 0.5, 0.4],
        EpochValidationLoss = [0.7, 0.6, double.NaN],
        KeptEpoch = 2,
    };

    internal const int TrainedTrialNumber = 12;

    /// <summary>Metrics named as the LSTM objective names them: the AR(p) baseline's after the split.</summary>
    internal static Dictionary<string, double> TrainedMetrics { get; } = new()
    {
        ["test_rmse_price"] = 30,
        ["naive_test_rmse_price"] = 32,
        ["test_ar_rmse_price"] = 31,
        ["test_mase"] = 0.9,
        ["naive_test_mase"] = 1.0,
        ["test_ar_mase"] = 0.95,
        ["test_dm_ar_p"] = 0.2,
    };

    internal DashboardHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await DashboardHarness.StartAsync(store =>
        {
            TestStudies.Create(store, "alpha", tuner: "gan", seed: 3);
            TestStudies.Fill(store, "alpha", 40);
            TestStudies.Create(store, "beta", tuner: "tpe", seed: 5);
            TestStudies.Fill(store, "beta", 12, seed: 2);
            var trained = TestStudies.Start(store, "beta", TestStudies.PointOf(98));
            TestStudies.Complete(store, "beta", trained, 0.02, TrainedMetrics, TrainedTrial.ToAttributes());
            TestStudies.Start(store, "beta", TestStudies.PointOf(99), new Dictionary<string, string> { ["epoch"] = "3", ["epochs"] = "10" });
            TestStudies.Create(store, "empty");
        });
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
