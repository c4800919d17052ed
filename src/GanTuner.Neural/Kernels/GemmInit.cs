namespace GanTuner.Neural.Kernels;

/// <summary>What a matrix product starts from before adding A·B.</summary>
internal enum GemmInit
{
    /// <summary>C = A·B.</summary>
    Zero,

    /// <summary>C = bias (one value per row of C) + A·B.</summary>
    Bias,

    /// <summary>C += A·B.</summary>
    Accumulate,
}
