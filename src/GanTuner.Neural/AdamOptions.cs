namespace GanTuner.Neural;

/// <summary>Adam's hyperparameters; the defaults are Keras's (ε = 1e−7, where PyTorch uses 1e−8).</summary>
public sealed record AdamOptions(double LearningRate = 0.001, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-7);
