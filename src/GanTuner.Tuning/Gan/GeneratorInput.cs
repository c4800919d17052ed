namespace GanTuner.Tuning.Gan;

/// <summary>What the generator read when it proposed a configuration: the history features and the
/// noise of every pathway (pathway i's noise is Noise[i·Z … (i+1)·Z)).</summary>
internal sealed record GeneratorInput(double[] History, double[] Noise);
