using GanTuner.Neural;

namespace GanTuner.Tuning.Gan;

/// <summary>
/// The generator of appendix A: one independent MLP pathway per hyperparameter. Pathway i reads the
/// recent objective history and its own noise, and ends in a sigmoid that is hyperparameter i's
/// coordinate in the unit cube (the search space maps it to a value: log scale, powers of two, steps…).
/// Trained with Adagrad, as the paper says.
/// </summary>
internal sealed class PathwayGenerator
{
    private readonly Mlp[] _pathways;
    private readonly Adagrad[] _optimizers;

    public PathwayGenerator(int dimensions, GanSettings settings, SeededRandom random)
    {
        HistoryLength = settings.HistoryLength;
        NoiseDimensions = settings.NoiseDimensions;
        var sizes = new List<int> { HistoryLength + NoiseDimensions };
        sizes.AddRange(Enumerable.Repeat(settings.PathwayHidden, settings.PathwayLayers));
        sizes.Add(1);
        _pathways = new Mlp[dimensions];
        _optimizers = new Adagrad[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            _pathways[i] = Mlp.Create(sizes, Activation.Tanh, Activation.Sigmoid, random.Derive((ulong)i), $"pathway{i}");
            _optimizers[i] = new Adagrad(new AdagradOptions(settings.GeneratorLearningRate));
        }
    }

    public int Dimensions => _pathways.Length;

    public int HistoryLength { get; }

    public int NoiseDimensions { get; }

    /// <summary>Layer sizes of one pathway, input first.</summary>
    public IReadOnlyList<int> PathwaySizes => [_pathways[0].Inputs, .. _pathways[0].Layers.Select(l => l.Outputs)];

    /// <summary>
    /// Proposals for a batch: row r uses <paramref name="histories"/>[r] and, for pathway i, the noise
    /// <paramref name="noise"/>[r][i·Z … (i+1)·Z). Returns [rows × dimensions] and keeps what
    /// <see cref="Backward"/> needs.
    /// </summary>
    public Matrix Forward(IReadOnlyList<double[]> histories, IReadOnlyList<double[]> noise)
    {
        var rows = noise.Count;
        var outputs = new Matrix(rows, Dimensions);
        var input = new Matrix(rows, HistoryLength + NoiseDimensions);
        for (var i = 0; i < Dimensions; i++)
        {
            for (var r = 0; r < rows; r++)
            {
                var row = input.Row(r);
                histories[r].CopyTo(row);
                noise[r].AsSpan(i * NoiseDimensions, NoiseDimensions).CopyTo(row[HistoryLength..]);
            }

            var y = _pathways[i].Forward(input.Clone());
            for (var r = 0; r < rows; r++)
            {
                outputs[r, i] = y[r, 0];
            }
        }

        return outputs;
    }

    /// <summary>Adds the parameter gradients for ∂L/∂output of the last <see cref="Forward"/>.</summary>
    public void Backward(Matrix gradOutputs)
    {
        for (var i = 0; i < Dimensions; i++)
        {
            var column = new Matrix(gradOutputs.Rows, 1);
            for (var r = 0; r < gradOutputs.Rows; r++)
            {
                column[r, 0] = gradOutputs[r, i];
            }

            _pathways[i].Backward(column);
        }
    }

    /// <summary>One Adagrad update of every pathway from the accumulated gradients, which are then cleared.</summary>
    public void Step()
    {
        for (var i = 0; i < Dimensions; i++)
        {
            _optimizers[i].Update(_pathways[i].Parameters);
            _pathways[i].ZeroGrad();
        }
    }
}
