namespace GanTuner.Tuning.Gan;

/// <summary>Builds the GAN tuner for <see cref="TunerFactory"/> from the study's space, seed and options.</summary>
public static class GanTunerBuilder
{
    /// <summary>A GAN tuner with the <c>gan.*</c> settings of <paramref name="options"/> (see <see cref="GanSettings"/>).</summary>
    public static ITuner Create(SearchSpace space, int seed, TunerOptions options) =>
        new AdversarialTuner(space, seed, GanSettings.From(options));
}
