namespace GanTuner.Tuning.Gp;

/// <summary>Settings of the Gaussian-process tuner, read from the <c>gp.*</c> tuner options.</summary>
/// <remarks>Keys and defaults: <c>gp.startup</c> (10) random trials first; <c>gp.candidates</c> (1024) uniform
/// points scored per Ask; <c>gp.local_starts</c> (5) best candidates refined by local search;
/// <c>gp.local_steps</c> (40) steps of each local search; <c>gp.fit_iterations</c> (60) L-BFGS iterations of
/// the marginal-likelihood fit.</remarks>
public sealed record GpSettings(int Startup = 10, int Candidates = 1024, int LocalStarts = 5, int LocalSteps = 40, int FitIterations = 60)
{
    public static GpSettings From(TunerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RequireKnown("gp", "gp.startup", "gp.candidates", "gp.local_starts", "gp.local_steps", "gp.fit_iterations");
        var d = new GpSettings();
        return new GpSettings(
            options.GetInt32("gp.startup", d.Startup, min: 1, max: 100_000),
            options.GetInt32("gp.candidates", d.Candidates, min: 1, max: 1_000_000),
            options.GetInt32("gp.local_starts", d.LocalStarts, min: 0, max: 1_000),
            options.GetInt32("gp.local_steps", d.LocalSteps, min: 0, max: 100_000),
            options.GetInt32("gp.fit_iterations", d.FitIterations, min: 1, max: 10_000));
    }
}
