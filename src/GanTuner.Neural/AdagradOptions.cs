namespace GanTuner.Neural;

/// <summary>Adagrad's hyperparameters (PyTorch's formula; Keras starts the accumulator at 0.1, PyTorch at 0).</summary>
public sealed record AdagradOptions(double LearningRate = 0.01, double InitialAccumulatorValue = 0.0, double Epsilon = 1e-10);
