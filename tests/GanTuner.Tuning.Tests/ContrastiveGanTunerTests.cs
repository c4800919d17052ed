using System.Globalization;
using GanTuner.Tuning.Gan.Contrastive;

namespace GanTuner.Tuning.Tests;

/// <summary>The second-generation GAN's promises: a pure function of what it was told, every parameter kind,
/// ablations that bite, trials marked as its own.</summary>
public sealed class ContrastiveGanTunerTests
{
    private static readonly TunerOptions Quick = TunerOptions.Parse(["gan.startup=4", "gan.discriminator_steps=20", "gan.generator_steps=5"]);

    private static SearchSpace EveryKind() => new(
    [
        new IntegerParameter("layers", 1, 5),
        new RealParameter("learning_rate", 1e-5, 0.1, log: true),
        new PowerOfTwoParameter("batch_size", 16, 2048),
        new SteppedParameter("dropout", 0.1, 0.9, 0.1),
        new CategoricalParameter("activation", ["relu", "tanh", "gelu"]),
        new RealParameter("x", 0, 1),
    ]);

    private static double Value(double[] p) => p.Select((x, i) => (x - (0.2 + (0.1 * i))) * (x - (0.2 + (0.1 * i)))).Sum();

    private static List<Proposal> Run(ITuner tuner, int trials)
    {
        var proposals = new List<Proposal>();
        for (var i = 0; i < trials; i++)
        {
            var proposal = tuner.Ask();
            proposals.Add(proposal);
            tuner.Tell(new Observation(proposal.Point, i % 5 == 3 ? null : Value(proposal.Point)));
        }

        return proposals;
    }

    private static string Text(IEnumerable<Proposal> proposals) => string.Join("\n", proposals.Select(p =>
        string.Join(",", p.Point.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))
        + " " + string.Join(",", p.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))));

    private static TunerOptions QuickWith(params string[] extra) => TunerOptions.Parse(
        ["gan.startup=4", "gan.discriminator_steps=20", "gan.generator_steps=5", .. extra.Where(e => e.Length > 0)]);

    [Theory]
    [InlineData("")]
    [InlineData("gan.bootstrap=true")]
    [InlineData("gan.no_region=true")]
    [InlineData("gan.confine=true")]
    [InlineData("gan.jitter=0.5")]
    public void The_same_seed_gives_the_same_proposals_and_another_seed_others(string extra)
    {
        var options = QuickWith(extra);
        Assert.Equal(Text(Run(TunerFactory.Create("gan", EveryKind(), 7, options), 14)), Text(Run(TunerFactory.Create("gan", EveryKind(), 7, options), 14)));
        Assert.NotEqual(Text(Run(TunerFactory.Create("gan", EveryKind(), 7, options), 14)), Text(Run(TunerFactory.Create("gan", EveryKind(), 8, options), 14)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("gan.bootstrap=true")]
    [InlineData("gan.no_region=true")]
    [InlineData("gan.confine=true")]
    [InlineData("gan.jitter=0.5")]
    public void A_proposal_depends_only_on_what_was_told_not_on_the_asks_before_it(string extra)
    {
        var space = EveryKind();
        var options = QuickWith(extra);
        var asked = TunerFactory.Create("gan", space, 3, options);
        var proposals = Run(asked, 12);
        var toldOnly = TunerFactory.Create("gan", space, 3, options);
        foreach (var (proposal, i) in proposals.Select((p, i) => (p, i)))
        {
            toldOnly.Tell(new Observation(proposal.Point, i % 5 == 3 ? null : Value(proposal.Point)));
        }

        Assert.False(asked.ReplayNeedsAsks);
        Assert.Equal(Text([asked.Ask()]), Text([toldOnly.Ask()]));
    }

    [Theory]
    [InlineData("gan.bootstrap=true")]
    [InlineData("gan.confine=true")]
    [InlineData("gan.novelty_cap=0.000001")]
    [InlineData("gan.jitter=0.5")]
    [InlineData("gan.margin=0")]
    public void The_optional_settings_and_the_margin_change_the_model_proposals(string option)
    {
        var plain = Run(TunerFactory.Create("gan", EveryKind(), 5, Quick), 24);
        var changed = Run(TunerFactory.Create("gan", EveryKind(), 5, QuickWith(option)), 24);

        Assert.Equal(Text(plain.Take(4)), Text(changed.Take(4)));
        Assert.NotEqual(Text(plain.Skip(4)), Text(changed.Skip(4)));
    }

    [Fact]
    public void Every_parameter_kind_is_searched_through_the_space_and_nothing_repeats()
    {
        var space = EveryKind();
        var proposals = Run(TunerFactory.Create("gan", space, 1, Quick), 20);

        Assert.All(proposals, p => Assert.Equal(space.Snap(p.Point), p.Point));
        Assert.Equal(20, proposals.Select(p => space.Decode(p.Point)).Distinct().Count());
        // Trial 3 fails, so the fourth completed value (and the model) comes with trial 4.
        Assert.All(proposals.Skip(5), p => Assert.Equal("model", p.Attributes["gan.phase"]));
        Assert.All(proposals, p => Assert.Equal("2", p.Attributes["gan.version"]));
        Assert.Contains(proposals.Skip(4), p => p.Attributes["gan.source"] != "uniform");
    }

    [Theory]
    [InlineData("gan-no-injection")]
    [InlineData("gan-no-generator")]
    [InlineData("gan-no-perturbation")]
    [InlineData("gan-no-prior")]
    [InlineData("gan-no-weighting")]
    [InlineData("gan-no-region")]
    public void Each_ablation_is_registered_named_and_changes_the_model_proposals(string ablation)
    {
        var space = EveryKind();
        // For gan-no-injection, values that get worse over time make the full tuner inject.
        var worsening = ablation == "gan-no-injection";
        List<Proposal> Drive(ITuner tuner)
        {
            var proposals = new List<Proposal>();
            for (var i = 0; i < 14; i++)
            {
                var proposal = tuner.Ask();
                proposals.Add(proposal);
                tuner.Tell(new Observation(proposal.Point, worsening && i >= 4 ? 100 + i + Value(proposal.Point) : Value(proposal.Point)));
            }

            return proposals;
        }

        // A larger share of region points than the default pool's, and one untrained generator sample (the
        // trained generator otherwise wins these ten model Asks), so that region points win some.
        // For gan-no-generator itself, the default pools and a briefly trained generator, whose samples then win some.
        var options = ablation == "gan-no-generator"
            ? TunerOptions.Parse(["gan.startup=4", "gan.discriminator_steps=20", "gan.generator_steps=5"])
            : TunerOptions.Parse(["gan.startup=4", "gan.discriminator_steps=20", "gan.pool_perturbed=64", "gan.pool_generated=1", "gan.generator_steps=0"]);
        var full = Drive(TunerFactory.Create("gan", space, 9, options));
        var ablated = Drive(TunerFactory.Create(ablation, space, 9, options));

        Assert.Contains(ablation, TunerFactory.Names);
        Assert.Equal(ablation, TunerFactory.Create(ablation, space, 9, Quick).Name);
        Assert.Equal(Text(full.Take(4)), Text(ablated.Take(4)));
        Assert.NotEqual(Text(full.Skip(4)), Text(ablated.Skip(4)));
    }

    [Fact]
    public void The_paper_ablations_old_names_point_to_their_new_names_and_unknown_options_are_refused()
    {
        var error = Assert.Throws<TunerOptionsException>(() => TunerFactory.Create("gan-no-feedback", EveryKind(), 0, TunerOptions.Empty));
        Assert.Contains("gan-paper-no-feedback", error.Message, StringComparison.Ordinal);
        Assert.Throws<TunerOptionsException>(() => ContrastiveGanSettings.From(TunerOptions.Parse(["gan.real_copies=3"])));
        Assert.Equal(0.3, ContrastiveGanSettings.From(TunerOptions.Parse(["gan.gamma=0.3"])).Gamma);
        // Leave-one-out margins without a margin would do nothing, silently.
        Assert.Contains("gan.margin", Assert.Throws<TunerOptionsException>(() => ContrastiveGanSettings.From(TunerOptions.Parse(["gan.margin=0", "gan.margin_loo=true"]))).Message, StringComparison.Ordinal);
        Assert.True(ContrastiveGanSettings.From(TunerOptions.Parse(["gan.margin_loo=true"])).MarginLeaveOneOut);
    }
}
