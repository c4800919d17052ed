using System.Globalization;
using GanTuner.Storage;
using GanTuner.Tuning.Studies;

namespace GanTuner.Tuning.Tests;

/// <summary>Every tuner, resumed in new processes (a study rebuilt from the store each time), proposes exactly
/// what one uninterrupted process does, whether or not its replay needs the Asks.</summary>
public sealed class StudyReplayTests
{
    private static readonly TunerOptions Fast = TunerOptions.Parse(["tpe.startup=4", "ga.population=4", "gp.startup=4", "gan.startup=4", "gan.discriminator_steps=20", "gan.generator_steps=5"]);

    public static TheoryData<string> Tuners => ["random", "grid", "tpe", "ga", "gp", "gan", "gan-paper"];

    [Theory]
    [MemberData(nameof(Tuners))]
    public void A_study_resumed_three_times_proposes_what_an_uninterrupted_one_did(string tuner)
    {
        static TrialOutcome Evaluate(ParameterSet p, CancellationToken token) => p.GetInt32("units") == 17
            ? TrialOutcome.Failure("a failed trial is replayed too")
            : TrialOutcome.Success(Math.Abs(p.GetInt32("units") - 30) + Math.Abs(Math.Log10(p.GetDouble("learning_rate")) + 3));
        Study Open(IStudyStore store) => Study.CreateOrLoad(store, "s", SearchSpace.Table1(), tuner, 5, Fast);

        var uninterrupted = new InMemoryStudyStore();
        StudyRunner.Optimize(Open(uninterrupted), Evaluate, 16);
        var resumed = new InMemoryStudyStore();
        foreach (var budget in new[] { 5, 9, 13, 16 })
        {
            StudyRunner.Optimize(Open(resumed), Evaluate, budget);
        }

        Assert.Equal(Points(uninterrupted), Points(resumed));
    }

    private static List<string> Points(IStudyStore store) =>
        [.. store.GetTrials("s").Select(t => string.Join(",", t.Point.Select(x => x.ToString("R", CultureInfo.InvariantCulture))))];
}
