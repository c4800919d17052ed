using System.Numerics;
using GanTuner.Neural.Kernels;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// Everything one worker needs to run forward and backward over a chunk of r batch rows, allocated
/// once per trainer. Blocks are feature-major ([features × r], batch rows along the SIMD lanes).
/// </summary>
internal sealed class LstmWorkspace<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // Progress alone on its cache line (the middle of 32 ints): a spinning reader must not slow the writer's other fields.
    private readonly int[] _progress = new int[32];

    // Under the wavefront plan several layers run at once: each has its own progress counter (16 ints
    // apart, so no two share a cache line) and its own running ∂h and ∂c through time.
    private readonly int[] _layerProgress;
    private readonly AlignedBuffer<T>[] _dhRecurrent;
    private readonly AlignedBuffer<T>[] _dc;

    /// <param name="spec">The network's shape.</param>
    /// <param name="steps">Time steps of the window.</param>
    /// <param name="rows">Batch rows (a multiple of the SIMD width).</param>
    /// <param name="gateWeights">The transposed gate weights, shared by every workspace of a trainer, which refreshes them before each pass.</param>
    /// <param name="pieces">Pieces a phase is cut into (a team's size): each has its own packing scratch.</param>
    /// <param name="layersAtOnce">Whether layers run backward through time at the same time (the wavefront plan).</param>
    public LstmWorkspace(LstmSpec spec, int steps, int rows, GateWeights<T> gateWeights, int pieces = 1, bool layersAtOnce = false)
    {
        Rows = rows;
        GateWeights = gateWeights;
        Steps = steps;
        var h = spec.Hidden;
        var hasDropout = spec.Dropout > 0;
        Xh = new AlignedBuffer<T>[spec.Layers];
        Gates = new AlignedBuffer<T>[spec.Layers];
        Cell = new AlignedBuffer<T>[spec.Layers];
        TanhCell = new AlignedBuffer<T>[spec.Layers];
        Mask = new AlignedBuffer<T>[spec.Layers];
        for (var l = 0; l < spec.Layers; l++)
        {
            var k = spec.LayerInputs(l) + h;
            var top = l == spec.Layers - 1;
            Xh[l] = new AlignedBuffer<T>((steps + 1) * k * rows);
            Gates[l] = new AlignedBuffer<T>(steps * 4 * h * rows);
            Cell[l] = new AlignedBuffer<T>((steps + 1) * h * rows);
            TanhCell[l] = new AlignedBuffer<T>(steps * h * rows);
            Mask[l] = new AlignedBuffer<T>(hasDropout ? (top ? 1 : steps) * h * rows : 0);
        }

        var scratch = 0;
        for (var l = 0; l < spec.Layers; l++)
        {
            var k = spec.LayerInputs(l) + h;
            scratch = Math.Max(scratch, Gemm.PackedLength(4 * h, k, rows, Gemm.StepBlock<T>(4 * h, k, rows, steps)));
        }

        PackScratch = new AlignedBuffer<T>[pieces];
        for (var p = 0; p < pieces; p++)
        {
            PackScratch[p] = new AlignedBuffer<T>(scratch);
        }

        DhAbove = new AlignedBuffer<T>(steps * Math.Max(h, spec.InputSize) * rows);
        DhTop = new AlignedBuffer<T>(h * rows);
        var states = layersAtOnce ? spec.Layers : 1;
        _layerProgress = new int[(spec.Layers + 2) * 16];
        _dhRecurrent = new AlignedBuffer<T>[states];
        _dc = new AlignedBuffer<T>[states];
        for (var l = 0; l < states; l++)
        {
            _dhRecurrent[l] = new AlignedBuffer<T>(h * rows);
            _dc[l] = new AlignedBuffer<T>(h * rows);
        }

        HeadInput = new AlignedBuffer<T>(h * rows);
        Prediction = new AlignedBuffer<T>(rows);
        DPrediction = new AlignedBuffer<T>(rows);
    }

    /// <summary>The gate weights transposed, refreshed by the trainer before each pass (read-only during it).</summary>
    public GateWeights<T> GateWeights { get; }

    /// <summary>Batch rows per chunk, padded to the SIMD granule.</summary>
    public int Rows { get; }

    /// <summary>Time steps of the window.</summary>
    public int Steps { get; }

    /// <summary>Per layer, blocks t = 0..T of [x_t; h_{t−1}] ([(I + H) × r]); block T holds only h_{T−1}.</summary>
    public AlignedBuffer<T>[] Xh { get; }

    /// <summary>Per layer, blocks t of the gates i, f, g, o ([4H × r]); overwritten by ∂L/∂z in backward.</summary>
    public AlignedBuffer<T>[] Gates { get; }

    /// <summary>Per layer, blocks t = 0..T of c_{t−1} ([H × r]); block 0 is zero.</summary>
    public AlignedBuffer<T>[] Cell { get; }

    /// <summary>Per layer, blocks t of tanh(c_t), kept for backward.</summary>
    public AlignedBuffer<T>[] TanhCell { get; }

    /// <summary>Per layer, the dropout mask on its output (every step below the top, the last step at the top).</summary>
    public AlignedBuffer<T>[] Mask { get; }

    /// <summary>Per piece, room to pack one step block of the weight-gradient product (at most about 1 MB).</summary>
    public AlignedBuffer<T>[] PackScratch { get; }

    /// <summary>∂L/∂h_t arriving from the layer above (blocks t of [H × r]), then ∂L/∂x_t going below.</summary>
    public AlignedBuffer<T> DhAbove { get; }

    /// <summary>∂L/∂h_{T−1} of the top layer, from the head.</summary>
    public AlignedBuffer<T> DhTop { get; }

    /// <summary>∂L/∂h_{t−1} through the recurrence.</summary>
    public AlignedBuffer<T> DhRecurrent => _dhRecurrent[0];

    /// <summary>∂L/∂c through the recurrence.</summary>
    public AlignedBuffer<T> Dc => _dc[0];

    /// <summary>The head's input: the top layer's last hidden state after dropout.</summary>
    public AlignedBuffer<T> HeadInput { get; }

    /// <summary>Predictions for the chunk's rows.</summary>
    public AlignedBuffer<T> Prediction { get; }

    /// <summary>∂L/∂prediction for the chunk's rows (zero on padding).</summary>
    public AlignedBuffer<T> DPrediction { get; }

    /// <summary>Whether the last forward pass applied dropout (backward must then apply the same masks).</summary>
    public bool DropoutActive { get; set; }

    /// <summary>
    /// Steps done by the recurrence a <see cref="ParallelPlanKind.Pipeline"/> piece is trailing, counted
    /// over the whole forward and backward of the chunk (so it only grows); reset before each chunk.
    /// </summary>
    public ref int Progress => ref _progress[16];

    /// <summary>
    /// Steps layer <paramref name="layer"/> has done under <see cref="ParallelPlanKind.Wavefront"/>: 1..T in
    /// forward, then T + 1..2T in backward (so it only grows); reset before each chunk.
    /// </summary>
    public ref int LayerProgress(int layer) => ref _layerProgress[(layer + 1) * 16];

    /// <summary>Layer <paramref name="layer"/>'s ∂L/∂h_{t−1} through the recurrence (one buffer for all layers unless they run at once).</summary>
    public AlignedBuffer<T> DhRecurrentOf(int layer) => _dhRecurrent[layer % _dhRecurrent.Length];

    /// <summary>Layer <paramref name="layer"/>'s ∂L/∂c through the recurrence.</summary>
    public AlignedBuffer<T> DcOf(int layer) => _dc[layer % _dc.Length];

    /// <summary>Sets every progress counter back to 0, before a chunk's forward.</summary>
    public void ResetProgress()
    {
        Volatile.Write(ref _progress[16], 0);
        for (var l = 16; l < _layerProgress.Length; l += 16)
        {
            Volatile.Write(ref _layerProgress[l], 0);
        }
    }

    /// <summary>Bytes one batch row costs in a workspace, to size chunks under a memory budget.</summary>
    public static long BytesPerRow(LstmSpec spec, int steps, int elementSize)
    {
        long h = spec.Hidden;
        long total = 0;
        for (var l = 0; l < spec.Layers; l++)
        {
            var k = spec.LayerInputs(l) + h;
            var top = l == spec.Layers - 1;
            total += ((steps + 1) * k) + (steps * 4 * h) + ((steps + 1) * h) + (steps * h);
            total += spec.Dropout > 0 ? (top ? 1 : steps) * h : 0;
        }

        total += (steps * Math.Max(h, spec.InputSize)) + (4 * h) + 2;
        return total * elementSize;
    }
}
