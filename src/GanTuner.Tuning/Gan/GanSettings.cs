namespace GanTuner.Tuning.Gan;

/// <summary>Every setting of the GAN tuner, read from the <c>gan.*</c> tuner options.</summary>
/// <remarks>
/// Keys and defaults: <c>gan.startup</c> (10), <c>gan.history</c> (5), <c>gan.noise</c> (1),
/// <c>gan.pathway_hidden</c> (8), <c>gan.pathway_layers</c> (2), <c>gan.generator_lr</c> (0.1),
/// <c>gan.generator_steps</c> (20), <c>gan.generator_batch</c> (16), <c>gan.discriminator_hidden</c> (16),
/// <c>gan.discriminator_layers</c> (2), <c>gan.discriminator_lr</c> (0.01), <c>gan.discriminator_steps</c> (50),
/// <c>gan.discriminator_fakes</c> (32), <c>gan.elite</c> (3), <c>gan.real_copies</c> (4), <c>gan.real_jitter</c> (0.5),
/// <c>gan.w_adversarial</c> (0.3), <c>gan.w_feedback</c> (1), <c>gan.w_diversity</c> (1),
/// <c>gan.diversity_scale</c> (0.3), <c>gan.diversity_floor</c> (0.02), <c>gan.feedback_top</c> (5),
/// <c>gan.feedback_repel</c> (1), <c>gan.feedback_radius</c> (0.1), <c>gan.injection_window</c> (3),
/// <c>gan.redraws</c> (10), <c>gan.no_injection</c>, <c>gan.no_feedback</c>, <c>gan.no_diversity</c> (false).
/// </remarks>
/// <param name="Startup">Random proposals before the GAN is used (the discriminator needs real examples).</param>
/// <param name="HistoryLength">How many of the latest objective values each pathway sees (zero-padded at the start).</param>
/// <param name="NoiseDimensions">Noise values fed to each pathway.</param>
/// <param name="PathwayHidden">Width of each hidden layer of a pathway.</param>
/// <param name="PathwayLayers">Hidden layers per pathway (tanh).</param>
/// <param name="GeneratorLearningRate">Adagrad's learning rate for the generator (the paper: "high").</param>
/// <param name="GeneratorSteps">Generator updates per round.</param>
/// <param name="GeneratorBatch">Noise draws per generator update.</param>
/// <param name="DiscriminatorHidden">Width of each hidden ReLU layer of the discriminator.</param>
/// <param name="DiscriminatorLayers">Hidden layers of the discriminator.</param>
/// <param name="DiscriminatorLearningRate">Adam's learning rate for the discriminator.</param>
/// <param name="DiscriminatorSteps">Discriminator updates per round.</param>
/// <param name="DiscriminatorFakes">Uniformly random ("fake") configurations per discriminator update.</param>
/// <param name="Elite">How many of the best configurations so far form the real set.</param>
/// <param name="RealCopies">Jittered copies of each real configuration shown per discriminator update.</param>
/// <param name="RealJitter">Jitter of those copies, as a fraction of the real set's spread per coordinate.</param>
/// <param name="AdversarialWeight">Weight of −log D(G(z)), the non-adversarial objective of section 3.3.</param>
/// <param name="FeedbackWeight">Weight of the feedback term built from observed values.</param>
/// <param name="DiversityWeight">Weight of the diversity regulariser.</param>
/// <param name="DiversityScale">Wanted spread of the proposals per unit of noise distance, as a fraction of the real set's spread.</param>
/// <param name="DiversityFloor">Least wanted spread per coordinate, so the search never collapses to a point.</param>
/// <param name="FeedbackTop">How many of the best observations attract the generator; the rest repel it.</param>
/// <param name="FeedbackRepel">Weight of the repulsion from worse observations relative to the attraction.</param>
/// <param name="FeedbackRadius">Radius (per coordinate) of the repulsion from a worse observation.</param>
/// <param name="InjectionWindow">m: quality deteriorates when each of the last m values is worse than the
/// median of the values before them.</param>
/// <param name="Redraws">New noise draws for a proposal that repeats an evaluated configuration, before a random one is used.</param>
/// <param name="Injection">Whether random configurations join the real set when quality deteriorates.</param>
/// <param name="Feedback">Whether the feedback term is used.</param>
/// <param name="Diversity">Whether the diversity regulariser is used.</param>
public sealed record GanSettings(
    int Startup = 10,
    int HistoryLength = 5,
    int NoiseDimensions = 1,
    int PathwayHidden = 8,
    int PathwayLayers = 2,
    double GeneratorLearningRate = 0.1,
    int GeneratorSteps = 20,
    int GeneratorBatch = 16,
    int DiscriminatorHidden = 16,
    int DiscriminatorLayers = 2,
    double DiscriminatorLearningRate = 0.01,
    int DiscriminatorSteps = 50,
    int DiscriminatorFakes = 32,
    int Elite = 3,
    int RealCopies = 4,
    double RealJitter = 0.5,
    double AdversarialWeight = 0.3,
    double FeedbackWeight = 1.0,
    double DiversityWeight = 1.0,
    double DiversityScale = 0.3,
    double DiversityFloor = 0.02,
    int FeedbackTop = 5,
    double FeedbackRepel = 1.0,
    double FeedbackRadius = 0.1,
    int InjectionWindow = 3,
    int Redraws = 10,
    bool Injection = true,
    bool Feedback = true,
    bool Diversity = true)
{
    private static readonly string[] Keys =
    [
        "gan.startup", "gan.history", "gan.noise", "gan.pathway_hidden", "gan.pathway_layers", "gan.generator_lr",
        "gan.generator_steps", "gan.generator_batch", "gan.discriminator_hidden", "gan.discriminator_layers",
        "gan.discriminator_lr", "gan.discriminator_steps", "gan.discriminator_fakes", "gan.elite", "gan.real_copies",
        "gan.real_jitter", "gan.w_adversarial", "gan.w_feedback", "gan.w_diversity", "gan.diversity_scale",
        "gan.diversity_floor", "gan.feedback_top", "gan.feedback_repel", "gan.feedback_radius", "gan.injection_window",
        "gan.redraws", "gan.no_injection", "gan.no_feedback", "gan.no_diversity",
    ];

    /// <summary>The settings in <paramref name="options"/>; a missing key takes its default, an unknown
    /// <c>gan.*</c> key or a value out of range is a <see cref="TunerOptionsException"/>.</summary>
    public static GanSettings From(TunerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RequireKnown("gan", Keys);
        var d = new GanSettings();
        return new GanSettings(
            Startup: options.GetInt32("gan.startup", d.Startup, min: 1, max: 10_000),
            HistoryLength: options.GetInt32("gan.history", d.HistoryLength, min: 0, max: 1_000),
            NoiseDimensions: options.GetInt32("gan.noise", d.NoiseDimensions, min: 1, max: 64),
            PathwayHidden: options.GetInt32("gan.pathway_hidden", d.PathwayHidden, min: 1, max: 1_024),
            PathwayLayers: options.GetInt32("gan.pathway_layers", d.PathwayLayers, min: 0, max: 8),
            GeneratorLearningRate: options.GetDouble("gan.generator_lr", d.GeneratorLearningRate, min: 1e-9, max: 10),
            GeneratorSteps: options.GetInt32("gan.generator_steps", d.GeneratorSteps, min: 0, max: 10_000),
            GeneratorBatch: options.GetInt32("gan.generator_batch", d.GeneratorBatch, min: 2, max: 4_096),
            DiscriminatorHidden: options.GetInt32("gan.discriminator_hidden", d.DiscriminatorHidden, min: 1, max: 1_024),
            DiscriminatorLayers: options.GetInt32("gan.discriminator_layers", d.DiscriminatorLayers, min: 0, max: 8),
            DiscriminatorLearningRate: options.GetDouble("gan.discriminator_lr", d.DiscriminatorLearningRate, min: 1e-9, max: 10),
            DiscriminatorSteps: options.GetInt32("gan.discriminator_steps", d.DiscriminatorSteps, min: 0, max: 10_000),
            DiscriminatorFakes: options.GetInt32("gan.discriminator_fakes", d.DiscriminatorFakes, min: 1, max: 4_096),
            Elite: options.GetInt32("gan.elite", d.Elite, min: 1, max: 10_000),
            RealCopies: options.GetInt32("gan.real_copies", d.RealCopies, min: 1, max: 1_000),
            RealJitter: options.GetDouble("gan.real_jitter", d.RealJitter, min: 0, max: 10),
            AdversarialWeight: options.GetDouble("gan.w_adversarial", d.AdversarialWeight, min: 0, max: 1e6),
            FeedbackWeight: options.GetDouble("gan.w_feedback", d.FeedbackWeight, min: 0, max: 1e6),
            DiversityWeight: options.GetDouble("gan.w_diversity", d.DiversityWeight, min: 0, max: 1e6),
            DiversityScale: options.GetDouble("gan.diversity_scale", d.DiversityScale, min: 0, max: 100),
            DiversityFloor: options.GetDouble("gan.diversity_floor", d.DiversityFloor, min: 1e-6, max: 1),
            FeedbackTop: options.GetInt32("gan.feedback_top", d.FeedbackTop, min: 1, max: 10_000),
            FeedbackRepel: options.GetDouble("gan.feedback_repel", d.FeedbackRepel, min: 0, max: 1e6),
            FeedbackRadius: options.GetDouble("gan.feedback_radius", d.FeedbackRadius, min: 1e-6, max: 1),
            InjectionWindow: options.GetInt32("gan.injection_window", d.InjectionWindow, min: 1, max: 10_000),
            Redraws: options.GetInt32("gan.redraws", d.Redraws, min: 0, max: 10_000),
            Injection: !options.GetBoolean("gan.no_injection", false),
            Feedback: !options.GetBoolean("gan.no_feedback", false),
            Diversity: !options.GetBoolean("gan.no_diversity", false));
    }

    /// <summary>The tuner's name: "gan-paper", or the ablation's name when parts are switched off.</summary>
    public string TunerName()
    {
        var off = new List<string>();
        if (!Injection)
        {
            off.Add("injection");
        }

        if (!Diversity)
        {
            off.Add("diversity");
        }

        if (!Feedback)
        {
            off.Add("feedback");
        }

        return off.Count == 0 ? "gan-paper" : "gan-paper-no-" + string.Join("-no-", off);
    }
}
