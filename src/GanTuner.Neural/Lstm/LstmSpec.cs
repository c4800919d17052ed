using System.Globalization;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// The shape of a stacked LSTM regressor: <see cref="Layers"/> LSTM layers of <see cref="Hidden"/>
/// units, inverted dropout of rate <see cref="Dropout"/> after each of them (training only), and a
/// Dense(1) head on the last time step, as in the paper's Keras model.
/// </summary>
public sealed record LstmSpec
{
    /// <summary>Validates and creates a spec.</summary>
    public LstmSpec(int layers, int hidden, double dropout = 0.0, int inputSize = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        if (!(dropout >= 0.0 && dropout < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "Dropout must be in [0, 1).");
        }

        Layers = layers;
        Hidden = hidden;
        Dropout = dropout;
        InputSize = inputSize;
    }

    /// <summary>Number of stacked LSTM layers.</summary>
    public int Layers { get; }

    /// <summary>Units per LSTM layer (H).</summary>
    public int Hidden { get; }

    /// <summary>Dropout rate after every LSTM layer, in [0, 1).</summary>
    public double Dropout { get; }

    /// <summary>Features per time step (1 for a univariate series).</summary>
    public int InputSize { get; }

    /// <summary>Inputs of layer <paramref name="layer"/>: the series' features, then H.</summary>
    public int LayerInputs(int layer) => layer == 0 ? InputSize : Hidden;

    /// <summary>Trainable scalars: per layer 4H·(inputs + H) weights and 4H biases, then H + 1 for the head.</summary>
    public int ParameterCount
    {
        get
        {
            var total = 0;
            for (var l = 0; l < Layers; l++)
            {
                total += 4 * Hidden * (LayerInputs(l) + Hidden + 1);
            }

            return total + Hidden + 1;
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"LSTM {Layers}×{Hidden}, dropout {Dropout}, inputs {InputSize}");
}
