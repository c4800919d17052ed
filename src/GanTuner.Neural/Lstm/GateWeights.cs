using System.Numerics;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// Each layer's gate weights transposed, [(I + H) × 4H]: the forward gate product then reads A with
/// contiguous rows (the four gates' weights for one input side by side), which its fast kernel needs.
/// Refreshed from the network before every pass, so it never lags the optimiser.
/// </summary>
internal sealed class GateWeights<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _layers;

    public GateWeights(LstmSpec spec)
    {
        _layers = new T[spec.Layers][];
        for (var l = 0; l < spec.Layers; l++)
        {
            _layers[l] = new T[(spec.LayerInputs(l) + spec.Hidden) * 4 * spec.Hidden];
        }
    }

    /// <summary>Layer l's weights as [(I + H) × 4H]: element (p, i) is W[i, p].</summary>
    public T[] this[int layer] => _layers[layer];

    /// <summary>Copies the network's current weights in.</summary>
    public void Refresh(LstmNetwork<T> network)
    {
        var spec = network.Spec;
        var gates = 4 * spec.Hidden;
        for (var l = 0; l < spec.Layers; l++)
        {
            var k = spec.LayerInputs(l) + spec.Hidden;
            var w = network.Parameters.AsSpan(network.LayerOffset(l), gates * k);
            var transposed = _layers[l];
            for (var i = 0; i < gates; i++)
            {
                var row = w.Slice(i * k, k);
                for (var p = 0; p < k; p++)
                {
                    transposed[(p * gates) + i] = row[p];
                }
            }
        }
    }
}
