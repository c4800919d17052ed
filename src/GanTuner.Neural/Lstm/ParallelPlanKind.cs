namespace GanTuner.Neural.Lstm;

/// <summary>How a trainer spreads one batch's forward and backward over its threads.</summary>
public enum ParallelPlanKind
{
    /// <summary>One thread does everything.</summary>
    Serial,

    /// <summary>
    /// The batch is cut into chunks of rows that the threads take one at a time; each chunk's gradient
    /// is merged in chunk order. Needs a batch of at least two SIMD-wide chunks per thread to pay off.
    /// </summary>
    Rows,

    /// <summary>
    /// All threads work on the same rows: every time step's gate product and cell update is split by
    /// hidden units (each thread owns H / threads units and their four gate rows), with a spin barrier
    /// after each step; after backpropagation through time the weight-gradient product is split by
    /// gate rows and the input-gradient product by time steps. Needs no wide batch.
    /// </summary>
    Units,

    /// <summary>
    /// All threads work on the same rows, a layer at a time: one thread runs the layer's recurrence
    /// through every step without a barrier, while the others compute what does not wait on it (in
    /// forward the next layer's input product, in backward the layer above's weight gradient and this
    /// layer's ∂x), trailing it step by step. About two barriers per layer; needs no wide batch.
    /// </summary>
    Pipeline,

    /// <summary>
    /// All threads work on the same rows, every layer at once: each layer's steps are one piece, and layer
    /// l + 1 computes step t as soon as layer l has finished it (backward, layer l − 1 trails layer l), as
    /// cuDNN's persistent kernels do; the weight gradients are then split by gate rows. Needs two or more
    /// layers and no wide batch.
    /// </summary>
    Wavefront,
}
