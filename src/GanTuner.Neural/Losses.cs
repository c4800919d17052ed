namespace GanTuner.Neural;

/// <summary>Losses averaged over every element of a batch, each with its gradient w.r.t. the prediction.</summary>
public static class Losses
{
    // PyTorch's BCELoss clamps each log term at −100 so that p = 0 or 1 gives a finite loss.
    private const double LogClamp = -100.0;

    // PyTorch's BCELoss backward divides by max(p(1−p), 1e−12).
    private const double BceGradEpsilon = 1e-12;

    /// <summary>Mean squared error and ∂L/∂prediction (a new matrix).</summary>
    public static (double Loss, Matrix Gradient) MeanSquaredError(Matrix prediction, Matrix target)
    {
        CheckShapes(prediction, target);
        var n = prediction.Data.Length;
        var gradient = new Matrix(prediction.Rows, prediction.Columns);
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var d = prediction.Data[i] - target.Data[i];
            sum += d * d;
            gradient.Data[i] = 2.0 * d / n;
        }

        return (sum / n, gradient);
    }

    /// <summary>
    /// Binary cross-entropy on probabilities (PyTorch's BCELoss, mean): the prediction is a sigmoid
    /// output in [0, 1], the target in [0, 1]. Returns the loss and ∂L/∂prediction (a new matrix).
    /// </summary>
    public static (double Loss, Matrix Gradient) BinaryCrossEntropy(Matrix prediction, Matrix target)
    {
        CheckShapes(prediction, target);
        var n = prediction.Data.Length;
        var gradient = new Matrix(prediction.Rows, prediction.Columns);
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var p = prediction.Data[i];
            var y = target.Data[i];
            var logP = Math.Max(Math.Log(p), LogClamp);
            var log1mP = Math.Max(Math.Log(1.0 - p), LogClamp);
            sum -= (y * logP) + ((1.0 - y) * log1mP);
            gradient.Data[i] = (p - y) / Math.Max(p * (1.0 - p), BceGradEpsilon) / n;
        }

        return (sum / n, gradient);
    }

    private static void CheckShapes(Matrix prediction, Matrix target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (prediction.Rows != target.Rows || prediction.Columns != target.Columns)
        {
            throw new ArgumentException($"Prediction is {prediction.Rows}×{prediction.Columns} but target is {target.Rows}×{target.Columns}.", nameof(target));
        }
    }
}
