namespace GanTuner.Neural;

/// <summary>Adagrad with PyTorch's formula: s ← s + g², p ← p − lr · g / (√s + ε).</summary>
public sealed class Adagrad : IOptimizer
{
    private readonly List<double[]> _sums = [];

    /// <summary>An optimizer with the given settings.</summary>
    public Adagrad(AdagradOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public AdagradOptions Options { get; }

    /// <inheritdoc />
    public void Update(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (i == _sums.Count)
            {
                var fresh = new double[p.Length];
                Array.Fill(fresh, Options.InitialAccumulatorValue);
                _sums.Add(fresh);
            }

            var sum = _sums[i];
            if (sum.Length != p.Length)
            {
                throw new InvalidOperationException($"Parameter {i} ({p.Name}) changed size between steps.");
            }

            for (var j = 0; j < sum.Length; j++)
            {
                var g = p.Grad[j];
                sum[j] += g * g;
                p.Value[j] -= Options.LearningRate * g / (Math.Sqrt(sum[j]) + Options.Epsilon);
            }
        }
    }
}
