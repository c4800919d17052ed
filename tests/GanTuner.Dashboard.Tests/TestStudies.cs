using GanTuner.Storage;
using GanTuner.Tuning;

namespace GanTuner.Dashboard.Tests;

/// <summary>Studies written straight through the store, with values that depend mostly on the first
/// parameter, so tests know what the dashboard must show.</summary>
internal static class TestStudies
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static SearchSpace Space { get; } = new(
    [
        new RealParameter("learning_rate", 1e-4, 1e-1, log: true),
        new IntegerParameter("units", 1, 64),
        new CategoricalParameter("cell", ["lstm", "gru"]),
        new SteppedParameter("dropout", 0, 0.5, 0.1),
    ]);

    public static void Create(IStudyStore store, string name, string tuner = "random", int seed = 7, IReadOnlyDictionary<string, string>? attributes = null) =>
        Assert.True(store.TryCreateStudy(new StudyRecord(name, Space.ToJson(), tuner, "{}", seed, T0, attributes)));

    /// <summary>The value at a point: the learning rate's coordinate decides it; units add a little.</summary>
    public static double ValueAt(double[] point) => 0.01 + Math.Pow(point[0] - 0.3, 2) + (0.01 * point[1]);

    public static double[] PointOf(int index, int seed = 1)
    {
        var random = new Random(HashCode.Combine(seed, index));
        return [.. Enumerable.Range(0, Space.Dimensions).Select(d => Space.Parameters[d].Snap(random.NextDouble()))];
    }

    /// <summary>Creates a Running trial at <paramref name="point"/>, whatever the study's progress (or at
    /// <paramref name="expected"/>, when the caller knows it and must not read every trial again).</summary>
    public static TrialRecord Start(IStudyStore store, string name, double[] point, IReadOnlyDictionary<string, string>? attributes = null, int number = -1, StudyProgress? expected = null)
    {
        var decoded = Space.Decode(point);
        var parameters = decoded.Values.Select(p => new KeyValuePair<string, ParamValue>(p.Key,
            p.Value.Kind == ParameterValueKind.Text ? ParamValue.Of(p.Value.AsText()) : ParamValue.Of(p.Value.AsDouble())));
        var draft = new TrialDraft(parameters, point, T0.AddMinutes(number < 0 ? 0 : number), attributes);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var created = store.TryCreateTrial(name, draft, expected ?? StudyProgress.Of(store.GetTrials(name)));
            if (created is not null)
            {
                return created;
            }
        }

        throw new InvalidOperationException("the study kept changing");
    }

    public static TrialRecord Complete(IStudyStore store, string name, TrialRecord trial, double value, IReadOnlyDictionary<string, double>? metrics = null, IReadOnlyDictionary<string, string>? attributes = null) =>
        store.FinishTrial(name, trial.Number, new TrialCompletion(TrialState.Complete, value, trial.StartedAt.AddSeconds(30), metrics, attributes));

    public static TrialRecord Fail(IStudyStore store, string name, TrialRecord trial, string reason) =>
        store.FinishTrial(name, trial.Number, new TrialCompletion(TrialState.Failed, null, trial.StartedAt.AddSeconds(5),
            attributes: new Dictionary<string, string> { [TrialAttributeKeys.FailReason] = reason }));

    /// <summary>A study of <paramref name="count"/> complete trials (every 7th failed, every 11th pruned).</summary>
    /// <remarks>The study must have no trial yet.</remarks>
    public static void Fill(IStudyStore store, string name, int count, int seed = 1)
    {
        for (var i = 0; i < count; i++)
        {
            var point = PointOf(i, seed);
            var trial = Start(store, name, point, number: i, expected: new StudyProgress(i, i));
            if (i % 7 == 6)
            {
                Fail(store, name, trial, "diverged");
            }
            else if (i % 11 == 10)
            {
                store.FinishTrial(name, trial.Number, new TrialCompletion(TrialState.Pruned, ValueAt(point) * 2, trial.StartedAt.AddSeconds(10)));
            }
            else
            {
                Complete(store, name, trial, ValueAt(point), new Dictionary<string, double>
                {
                    ["test_rmse"] = ValueAt(point) * 3,
                    ["naive_test_rmse"] = 0.05,
                    ["ar_test_rmse"] = 0.04,
                    ["val_mse"] = ValueAt(point),
                });
            }
        }
    }
}
