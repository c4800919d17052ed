namespace GanTuner.Neural;

/// <summary>Element-wise activation applied after a dense layer's affine map.</summary>
public enum Activation
{
    /// <summary>y = x.</summary>
    Identity,

    /// <summary>y = max(0, x).</summary>
    Relu,

    /// <summary>y = tanh(x).</summary>
    Tanh,

    /// <summary>y = 1 / (1 + e^-x).</summary>
    Sigmoid,
}
