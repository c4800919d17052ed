using System.Globalization;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Gan;
using GanTuner.Tuning.Studies;

namespace GanTuner.Tuning.Tests;

/// <summary>The paper's GAN tuner's (gan-paper) promises: replayable, never repeating, injection as defined, ablations that bite.</summary>
public sealed class GanPaperTunerTests
{
    /// <summary>Small networks and few steps: the behaviour under test does not depend on the sizes.</summary>
    private static readonly TunerOptions Quick = TunerOptions.Parse(
        ["gan.startup=4", "gan.generator_steps=5", "gan.discriminator_steps=5"]);

    private static double Bowl(double[] point) => point.Sum(x => (x - 0.3) * (x - 0.3));

    private static List<Proposal> Run(ITuner tuner, int trials, Func<int, double[], double?>? value = null)
    {
        var proposals = new List<Proposal>();
        for (var i = 0; i < trials; i++)
        {
            var proposal = tuner.Ask();
            proposals.Add(proposal);
            tuner.Tell(new Observation(proposal.Point, value is null ? Bowl(proposal.Point) : value(i, proposal.Point)));
        }

        return proposals;
    }

    private static string Text(IEnumerable<Proposal> proposals) => string.Join("\n", proposals.Select(p =>
        string.Join(",", p.Point.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))
        + " " + string.Join(",", p.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))));

    [Fact]
    public void The_same_seed_and_ask_tell_sequence_give_the_same_proposals_bit_for_bit()
    {
        var space = SearchSpace.Table1();
        var first = Run(TunerFactory.Create("gan-paper", space, 7, Quick), 20);
        var replayed = Run(TunerFactory.Create("gan-paper", space, 7, Quick), 20);
        var otherSeed = Run(TunerFactory.Create("gan-paper", space, 8, Quick), 20);

        Assert.Equal(Text(first), Text(replayed));
        Assert.NotEqual(Text(first), Text(otherSeed));
    }

    [Fact]
    public void A_study_resumed_in_a_new_process_proposes_what_an_uninterrupted_one_did()
    {
        static TrialOutcome Evaluate(ParameterSet p, CancellationToken token) =>
            TrialOutcome.Success(Math.Abs(p.GetInt32("units") - 30) + Math.Abs(Math.Log10(p.GetDouble("learning_rate")) + 3));
        static Study Open(IStudyStore store) => Study.CreateOrLoad(store, "gan", SearchSpace.Table1(), "gan-paper", 3, Quick);
        static List<string> Points(IStudyStore store) =>
            [.. store.GetTrials("gan").Select(t => string.Join(",", t.Point.Select(x => x.ToString("R", CultureInfo.InvariantCulture))))];

        var uninterrupted = new InMemoryStudyStore();
        StudyRunner.Optimize(Open(uninterrupted), Evaluate, 14);
        var resumed = new InMemoryStudyStore();
        StudyRunner.Optimize(Open(resumed), Evaluate, 7);
        StudyRunner.Optimize(Open(resumed), Evaluate, 14);

        Assert.Equal(Points(uninterrupted), Points(resumed));
        Assert.All(uninterrupted.GetTrials("gan"), t => Assert.Contains(t.Attributes, a => a.Key == "gan.injection"));
    }

    [Fact]
    public void No_configuration_is_proposed_twice_and_repeats_are_redrawn()
    {
        // 3 × 5 = 15 configurations: the generator soon proposes known ones and must draw again.
        var space = new SearchSpace([new IntegerParameter("a", 1, 3), new SteppedParameter("b", 0.1, 0.5, 0.1)]);
        var tuner = TunerFactory.Create("gan-paper", space, 2, Quick);

        var proposals = Run(tuner, 15, (i, p) => i % 4 == 3 ? null : Bowl(p));

        Assert.Equal(15, proposals.Select(p => space.Decode(p.Point)).Distinct().Count());
        Assert.Contains(proposals, p => int.Parse(p.Attributes["gan.redraws"], CultureInfo.InvariantCulture) > 0);
        Assert.All(proposals, p => Assert.Equal(space.Snap(p.Point), p.Point));
    }

    [Fact]
    public void A_configuration_told_without_an_ask_is_not_proposed()
    {
        var space = new SearchSpace([new IntegerParameter("a", 1, 2), new IntegerParameter("b", 1, 4)]);
        var tuner = TunerFactory.Create("gan-paper", space, 5, Quick);
        var told = new[] { space.Snap([0.1, 0.1]), space.Snap([0.9, 0.9]), space.Snap([0.1, 0.6]) };
        foreach (var point in told)
        {
            tuner.Tell(new Observation(point, 1.0));
        }

        var proposed = Run(tuner, 5).Select(p => space.Decode(p.Point));

        Assert.Empty(proposed.Intersect(told.Select(p => space.Decode(p))));
    }

    [Fact]
    public void The_first_proposals_are_random_start_up_ones_then_the_generator_takes_over()
    {
        var proposals = Run(TunerFactory.Create("gan-paper", SearchSpace.Table1(), 1, Quick), 8);

        Assert.All(proposals.Take(4), p => Assert.Equal("startup", p.Attributes["gan.phase"]));
        Assert.All(proposals.Skip(4), p => Assert.Equal("generator", p.Attributes["gan.phase"]));
    }

    [Fact]
    public void Injection_is_active_exactly_when_the_last_m_values_are_worse_than_the_median_before_them()
    {
        // Values told: 1, 3, 5, 0.5 (start-up), then 10, 11, 12: only then do the last three all exceed the
        // median of the values before them (2); the 0 that follows ends it.
        double[] values = [1, 3, 5, 0.5, 10, 11, 12, 0];
        var tuner = TunerFactory.Create("gan-paper", SearchSpace.Table1(), 4, Quick.With("gan.injection_window", "3"));
        var ablated = TunerFactory.Create("gan-paper-no-injection", SearchSpace.Table1(), 4, Quick.With("gan.injection_window", "3"));

        var injection = Run(tuner, 9, (i, _) => values[Math.Min(i, values.Length - 1)]).Select(p => p.Attributes["gan.injection"]).ToList();
        var withoutInjection = Run(ablated, 9, (i, _) => values[Math.Min(i, values.Length - 1)]).Select(p => p.Attributes["gan.injection"]);

        // Proposal k is made after k values were told; only after the 7th (…10, 11, 12) does quality deteriorate.
        Assert.Equal(["false", "false", "false", "false", "false", "false", "false", "true", "false"], injection);
        Assert.All(withoutInjection, flag => Assert.Equal("false", flag));
    }

    [Theory]
    [InlineData(new double[] { 1, 5, 2, 6, 7, 8 }, 3, true)]
    [InlineData(new double[] { 5, 1, 2, 3, 0.5 }, 3, false)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 3, false)]
    [InlineData(new double[] { 1, 2, 9, 9 }, 2, true)]
    public void Deterioration_means_every_one_of_the_last_m_values_exceeds_the_earlier_median(double[] values, int window, bool expected)
    {
        var history = new ObjectiveHistory();
        foreach (var value in values)
        {
            history.Add(value);
        }

        Assert.Equal(expected, history.Deteriorates(window));
    }

    [Fact]
    public void History_features_are_log_scaled_standardised_and_padded_at_the_start()
    {
        var history = new ObjectiveHistory();
        history.Add(1e-4);
        history.Add(1e-2);

        var features = history.Features(4);

        // log10 values −4 and −2 standardise to −1 and +1 whatever the base; the two older slots are padding.
        Assert.Equal([0.0, 0.0, -1.0, 1.0], features.Select(f => Math.Round(f, 12)));
    }

    [Theory]
    [InlineData("gan-paper-no-injection", "no_injection")]
    [InlineData("gan-paper-no-diversity", "no_diversity")]
    [InlineData("gan-paper-no-feedback", "no_feedback")]
    public void Each_ablation_changes_the_generated_proposals_but_not_the_start_up(string ablation, string option)
    {
        var space = SearchSpace.Table1();
        // Values that get worse over time keep injection active in the full tuner.
        double? Value(int i, double[] point) => i < 4 ? i : 100 + i + Bowl(point);
        var full = Run(TunerFactory.Create("gan-paper", space, 9, Quick), 12, Value);
        var switchedOff = Run(TunerFactory.Create(ablation, space, 9, Quick), 12, Value);
        var byOption = Run(TunerFactory.Create("gan-paper", space, 9, Quick.With("gan." + option, "true")), 12, Value);

        Assert.Equal(ablation, TunerFactory.Create(ablation, space, 9, Quick).Name);
        Assert.Equal(Text(full.Take(4)), Text(switchedOff.Take(4)));
        Assert.NotEqual(Text(full.Skip(4)), Text(switchedOff.Skip(4)));
        Assert.Equal(Text(switchedOff), Text(byOption));
    }

    [Fact]
    public void Options_set_the_settings_and_unknown_or_invalid_ones_are_rejected()
    {
        var settings = GanSettings.From(TunerOptions.Parse(["gan.elite=7", "gan.w_feedback=0.5", "gan.no_diversity=true", "tpe.startup=3"]));

        Assert.Equal(7, settings.Elite);
        Assert.Equal(0.5, settings.FeedbackWeight);
        Assert.False(settings.Diversity);
        Assert.Equal(new GanSettings().Startup, settings.Startup);
        Assert.Throws<TunerOptionsException>(() => GanSettings.From(TunerOptions.Parse(["gan.elit=7"])));
        Assert.Throws<TunerOptionsException>(() => GanSettings.From(TunerOptions.Parse(["gan.generator_batch=1"])));
    }

    [Fact]
    public void The_generator_has_one_pathway_per_hyperparameter_fed_by_history_and_noise()
    {
        var tuner = (AdversarialTuner)TunerFactory.Create("gan-paper", SearchSpace.Table1(), 0, TunerOptions.Empty);

        Assert.Equal([5 + 1, 8, 8, 1], tuner.PathwaySizes);
        Assert.Equal(6, tuner.PathwayCount);
    }
}
