namespace GanTuner.Dashboard.Tests;

/// <summary>One dashboard over three seeded studies, shared by the tests of a class that only read.</summary>
public sealed class SeededDashboard : IAsyncLifetime
{
    internal DashboardHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await DashboardHarness.StartAsync(store =>
        {
            TestStudies.Create(store, "alpha", tuner: "gan", seed: 3);
            TestStudies.Fill(store, "alpha", 40);
            TestStudies.Create(store, "beta", tuner: "tpe", seed: 5);
            TestStudies.Fill(store, "beta", 12, seed: 2);
            TestStudies.Start(store, "beta", TestStudies.PointOf(99), new Dictionary<string, string> { ["epoch"] = "3", ["epochs"] = "10" });
            TestStudies.Create(store, "empty");
        });
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
