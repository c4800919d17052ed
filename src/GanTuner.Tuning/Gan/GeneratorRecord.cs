namespace GanTuner.Tuning.Gan;

/// <summary>An evaluated configuration, its value, and the generator input that proposed it.</summary>
internal sealed record GeneratorRecord(double[] Point, double Value, GeneratorInput Input);
