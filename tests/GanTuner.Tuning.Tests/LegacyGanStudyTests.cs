using System.Globalization;
using GanTuner.Storage;
using GanTuner.Tuning.Studies;

namespace GanTuner.Tuning.Tests;

/// <summary>A study stored as "gan" by a version before the second-generation GAN keeps replaying, and going on,
/// with the paper's tuner (now gan-paper): its next proposals are those an uninterrupted gan-paper study makes.</summary>
public sealed class LegacyGanStudyTests
{
    private static readonly TunerOptions Quick = TunerOptions.Parse(["gan.startup=4", "gan.generator_steps=5", "gan.discriminator_steps=5"]);

    private static TrialOutcome Evaluate(ParameterSet p, CancellationToken token) =>
        TrialOutcome.Success(Math.Abs(p.GetInt32("units") - 30) + Math.Abs(Math.Log10(p.GetDouble("learning_rate")) + 3));

    [Theory]
    [InlineData("gan", "gan-paper")]
    [InlineData("gan-no-feedback", "gan-paper-no-feedback")]
    public void An_old_gan_study_goes_on_as_the_paper_tuner(string oldName, string paperName)
    {
        var space = SearchSpace.Table1();
        var reference = new InMemoryStudyStore();
        StudyRunner.Optimize(Study.CreateOrLoad(reference, "s", space, paperName, 3, Quick), Evaluate, 12);

        // The old study: stored under the old name, holding the first 6 trials the paper's tuner made.
        var old = new InMemoryStudyStore();
        old.TryCreateStudy(new StudyRecord("s", space.ToJson(), oldName, Quick.ToJson(), 3, DateTimeOffset.UnixEpoch, null));
        foreach (var trial in reference.GetTrials("s").Take(6))
        {
            var created = old.TryCreateTrial("s", new TrialDraft(trial.Parameters, trial.Point, trial.StartedAt, trial.Attributes), StudyProgress.Of(old.GetTrials("s")))!;
            old.FinishTrial("s", created.Number, new TrialCompletion(TrialState.Complete, trial.Value, trial.StartedAt, null));
        }

        StudyRunner.Optimize(Study.Load(old, "s"), Evaluate, 12);

        Assert.Equal(Points(reference), Points(old));
    }

    private static List<string> Points(IStudyStore store) =>
        [.. store.GetTrials("s").Select(t => string.Join(",", t.Point.Select(x => x.ToString("R", CultureInfo.InvariantCulture))))];
}
