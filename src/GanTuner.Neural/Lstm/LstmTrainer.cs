using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using GanTuner.Neural.Kernels;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// Trains and runs an <see cref="LstmNetwork{T}"/> on batches of windows: MSE loss, full
/// backpropagation through time, Adam. Every buffer is allocated here, once; a batch step allocates
/// nothing.
/// </summary>
/// <remarks>
/// Windows are passed as one flat array [n × sequence × inputs] (batch first, as in PyTorch) with
/// targets [n]; a batch is a list of row indices into them. A batch is cut into chunks of
/// <see cref="RowsPerChunk"/> rows (a function of the batch size, the thread count and the memory
/// budget) that the threads take one at a time; each chunk's gradient is computed on its own and
/// merged in chunk order, so whichever thread ran it, a given seed and thread count always give the
/// same bits. Not thread-safe: one caller at a time.
/// </remarks>
public sealed class LstmTrainer<T> : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const long ChunkCacheBytes = 8L * 1024 * 1024;

    private readonly LstmWorkspace<T>[] _workspaces;
    private readonly T[][] _workerGradients;
    private readonly ChunkScheduler _scheduler;
    private readonly Action<int, int> _gradientBody;
    private readonly Action<int, int> _predictBody;
    private readonly AdamOptions _adam;
    private readonly T[] _adamM;
    private readonly T[] _adamV;
    private readonly int _windowLength;

    // Numbers the batches, so each batch (and chunk) draws its own dropout masks.
    private ulong _batchCounter;

    // Arguments of the call in progress, read by the worker bodies.
    private ReadOnlyMemory<T> _windows;
    private ReadOnlyMemory<T> _targets;
    private ReadOnlyMemory<int> _rows;
    private Memory<T> _output;
    private int _count;
    private int _chunks;
    private bool _training;

    // Gradient merging: chunks write straight into Gradients when they run one after another on one
    // thread; otherwise each is computed apart and merged strictly in chunk order.
    private bool _direct;
    private int _merged;
    private double _sse;

    /// <summary>Prepares workspaces for <paramref name="network"/> under <paramref name="options"/>.</summary>
    public LstmTrainer(LstmNetwork<T> network, LstmTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SequenceLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Threads);
        Network = network;
        Options = options;
        _adam = options.Adam ?? new AdamOptions();
        _windowLength = options.SequenceLength * network.Spec.InputSize;

        // Chunks are padded to the narrowest SIMD width, but a batch is only split between threads into
        // chunks of at least the widest one: two 8-row halves of a 16-row batch cost 1.4 times the CPU
        // of one 16-row chunk in AVX-512 (measured), more than a second core gives back.
        var granule = Vector256.IsHardwareAccelerated ? Vector256<T>.Count : 1;
        var wide = Vector512.IsHardwareAccelerated ? Vector512<T>.Count : granule;
        var perThread = Math.Min(
            RoundUp(options.MaxBatchSize, granule),
            RoundUp((options.MaxBatchSize + options.Threads - 1) / options.Threads, wide));
        var bytesPerRow = LstmWorkspace<T>.BytesPerRow(network.Spec, options.SequenceLength, Unsafe.SizeOf<T>());
        var affordable = options.MemoryBudgetBytes / Math.Max(1, options.Threads) / bytesPerRow;
        var cap = (int)Math.Max(granule, Math.Min(int.MaxValue / 2, affordable) / granule * granule);
        // A chunk's activations are written forward and read back in backward: keeping them within the
        // last-level cache is worth more than wider chunks (measured: batch 512 runs ~30 % faster in 64-row chunks).
        var cacheCap = (int)Math.Max(wide, ChunkCacheBytes / bytesPerRow / wide * wide);
        RowsPerChunk = Math.Min(Math.Min(perThread, cap), cacheCap);
        var members = Math.Min(options.Threads, (options.MaxBatchSize + RowsPerChunk - 1) / RowsPerChunk);

        _workspaces = new LstmWorkspace<T>[members];
        _workerGradients = new T[members][];
        for (var w = 0; w < members; w++)
        {
            _workspaces[w] = new LstmWorkspace<T>(network.Spec, options.SequenceLength, RowsPerChunk);
            _workerGradients[w] = new T[network.ParameterCount];
        }

        WorkspaceBytes = members * bytesPerRow * RowsPerChunk;
        Gradients = new T[network.ParameterCount];
        _adamM = new T[network.ParameterCount];
        _adamV = new T[network.ParameterCount];
        _scheduler = new ChunkScheduler(members);
        _gradientBody = GradientChunk;
        _predictBody = PredictChunk;
    }

    /// <summary>The network being trained (its parameters change in place).</summary>
    public LstmNetwork<T> Network { get; }

    /// <summary>The settings.</summary>
    public LstmTrainerOptions Options { get; }

    /// <summary>∂L/∂parameters of the last <see cref="ComputeGradients"/>, in the network's layout.</summary>
    public T[] Gradients { get; }

    /// <summary>Batch rows per chunk (padded to the SIMD width inside a workspace).</summary>
    public int RowsPerChunk { get; }

    /// <summary>Threads actually used (no more than there are chunks in the largest batch).</summary>
    public int Threads => _scheduler.Size;

    /// <summary>Bytes held by the workspaces.</summary>
    public long WorkspaceBytes { get; }

    /// <summary>Adam steps taken.</summary>
    public long StepCount { get; private set; }

    /// <summary>
    /// Forward and backward over the windows <paramref name="rows"/>: fills <see cref="Gradients"/>
    /// with ∂(MSE)/∂parameters and returns the batch's MSE. With <paramref name="training"/>,
    /// dropout is applied. <paramref name="inputGradients"/>, when given ([n × sequence × inputs]
    /// like the windows), receives ∂L/∂x for the rows of the batch.
    /// </summary>
    public double ComputeGradients(ReadOnlyMemory<T> windows, ReadOnlyMemory<T> targets, ReadOnlyMemory<int> rows, bool training = true, Memory<T> inputGradients = default)
    {
        Validate(windows, targets, rows);
        _windows = windows;
        _targets = targets;
        _rows = rows;
        _count = rows.Length;
        _output = inputGradients;
        _training = training;
        _chunks = (rows.Length + RowsPerChunk - 1) / RowsPerChunk;
        _direct = _scheduler.Size == 1 || _chunks == 1;
        _merged = 0;
        _sse = 0;
        if (_direct)
        {
            Array.Clear(Gradients);
        }

        try
        {
            _scheduler.Run(_chunks, _gradientBody);
        }
        finally
        {
            _batchCounter++;
            _output = default;
        }

        return _sse / rows.Length;
    }

    /// <summary>One optimisation step on a batch (dropout on); returns the batch's MSE before the step.</summary>
    public double TrainBatch(ReadOnlyMemory<T> windows, ReadOnlyMemory<T> targets, ReadOnlyMemory<int> rows)
    {
        var loss = ComputeGradients(windows, targets, rows, training: true);
        StepCount++;
        Adam.UpdateFlat<T>(Network.Parameters, Gradients, _adamM, _adamV, StepCount, _adam);
        return loss;
    }

    /// <summary>Predicts the first predictions.Length windows (dropout off).</summary>
    public void Predict(ReadOnlyMemory<T> windows, Memory<T> predictions)
    {
        if (windows.Length % _windowLength != 0 || predictions.Length > windows.Length / _windowLength)
        {
            throw new ArgumentException($"Windows must be [n × {Options.SequenceLength} × {Network.Spec.InputSize}] with n ≥ {predictions.Length}.", nameof(windows));
        }

        _windows = windows;
        _rows = default;
        _count = predictions.Length;
        _output = predictions;
        _training = false;
        _chunks = (predictions.Length + RowsPerChunk - 1) / RowsPerChunk;
        try
        {
            _scheduler.Run(_chunks, _predictBody);
        }
        finally
        {
            _output = default;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _scheduler.Dispose();

    /// <summary>Lets tests replay a batch with the same dropout masks.</summary>
    internal ulong BatchCounter
    {
        get => _batchCounter;
        set => _batchCounter = value;
    }

    /// <summary>
    /// The last forward pass's final h (or c) of <paramref name="layer"/> as [rows × H], read from the
    /// first workspace: meaningful with one thread and one chunk (tests compare it with PyTorch's h_n / c_n).
    /// </summary>
    internal T[] FinalState(int layer, bool cell, int rows)
    {
        var ws = _workspaces[0];
        var (h, r, steps) = (Network.Spec.Hidden, ws.Rows, ws.Steps);
        var k = Network.Spec.LayerInputs(layer) + h;
        var block = cell
            ? ws.Cell[layer].AsSpan(steps * h * r, h * r)
            : ws.Xh[layer].AsSpan((steps * k * r) + (Network.Spec.LayerInputs(layer) * r), h * r);
        var result = new T[rows * h];
        for (var row = 0; row < rows; row++)
        {
            for (var m = 0; m < h; m++)
            {
                result[(row * h) + m] = block[(m * r) + row];
            }
        }

        return result;
    }

    private static int RoundUp(int value, int granule) => (value + granule - 1) / granule * granule;

    private void Validate(ReadOnlyMemory<T> windows, ReadOnlyMemory<T> targets, ReadOnlyMemory<int> rows)
    {
        var n = windows.Length / _windowLength;
        if (windows.Length % _windowLength != 0 || targets.Length != n)
        {
            throw new ArgumentException($"Windows must be [n × {Options.SequenceLength} × {Network.Spec.InputSize}] with n targets.", nameof(windows));
        }

        if (rows.IsEmpty)
        {
            throw new ArgumentException("A batch needs at least one row.", nameof(rows));
        }

        foreach (var row in rows.Span)
        {
            if ((uint)row >= (uint)n)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"Row index outside [0, {n}).");
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GradientChunk(int chunk, int member)
    {
        var ws = _workspaces[member];
        var grads = _direct ? Gradients : _workerGradients[member];
        var sse = 0.0;
        var computed = false;
        try
        {
            if (!_direct)
            {
                Array.Clear(grads);
            }

            var r = ws.Rows;
            var targets = _targets.Span;
            var scale = T.CreateChecked(2.0 / _count);
            var start = chunk * RowsPerChunk;
            var rows = _rows.Span.Slice(start, Math.Min(RowsPerChunk, _count - start));
            LoadInputs(ws, rows, 0);
            var masks = new MaskRandom(Options.Seed, _batchCounter, (ulong)chunk);
            Forward(ws, _training, ref masks);
            for (var col = 0; col < r; col++)
            {
                if (col < rows.Length)
                {
                    var d = ws.Prediction[col] - targets[rows[col]];
                    var dd = double.CreateChecked(d);
                    sse += dd * dd;
                    ws.DPrediction[col] = d * scale;
                }
                else
                {
                    ws.DPrediction[col] = T.Zero;
                }
            }

            var wantInput = !_output.IsEmpty;
            Backward(ws, grads, wantInput);
            if (wantInput)
            {
                ScatterInputGradient(ws, rows);
            }

            computed = true;
        }
        finally
        {
            Merge(chunk, grads, sse, computed);
        }
    }

    /// <summary>
    /// Adds a chunk's gradient and squared error to the batch's, strictly in chunk order (waiting for
    /// the chunks before it), so the floating-point sums never depend on which thread ran what.
    /// A failed chunk still passes its turn on, so the chunks after it cannot wait forever.
    /// </summary>
    private void Merge(int chunk, T[] grads, double sse, bool computed)
    {
        if (_direct)
        {
            _sse += sse;
            return;
        }

        var spin = default(SpinWait);
        while (Volatile.Read(ref _merged) != chunk)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        if (computed)
        {
            if (chunk == 0)
            {
                grads.CopyTo(Gradients, 0);
            }
            else
            {
                TensorPrimitives.Add<T>(Gradients, grads, Gradients);
            }

            _sse += sse;
        }

        Volatile.Write(ref _merged, chunk + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PredictChunk(int chunk, int member)
    {
        var ws = _workspaces[member];
        var masks = default(MaskRandom);
        var start = chunk * RowsPerChunk;
        var count = Math.Min(RowsPerChunk, _count - start);
        LoadInputs(ws, [], start, count);
        Forward(ws, training: false, ref masks);
        ws.Prediction.AsSpan(0, count).CopyTo(_output.Span.Slice(start, count));
    }

    /// <summary>Writes x_t of the chunk's windows into the x rows of layer 0's blocks, zero on padding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LoadInputs(LstmWorkspace<T> ws, ReadOnlySpan<int> rows, int firstRow, int count = -1)
    {
        count = rows.IsEmpty ? count : rows.Length;
        var windows = _windows.Span;
        var (r, steps, inputs) = (ws.Rows, ws.Steps, Network.Spec.InputSize);
        var blockXh = (inputs + Network.Spec.Hidden) * r;
        var xh = ws.Xh[0];
        // Step-major so that each write run is contiguous; the windows of a chunk fit in cache.
        for (var t = 0; t < steps; t++)
        {
            for (var i = 0; i < inputs; i++)
            {
                var destination = xh.AsSpan((t * blockXh) + (i * r), r);
                var offset = (t * inputs) + i;
                for (var col = 0; col < count; col++)
                {
                    var row = rows.IsEmpty ? firstRow + col : rows[col];
                    destination[col] = windows[(row * _windowLength) + offset];
                }

                destination[count..].Clear();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScatterInputGradient(LstmWorkspace<T> ws, ReadOnlySpan<int> rows)
    {
        var output = _output.Span;
        var (r, steps, inputs) = (ws.Rows, ws.Steps, Network.Spec.InputSize);
        for (var col = 0; col < rows.Length; col++)
        {
            var target = output.Slice(rows[col] * _windowLength, _windowLength);
            for (var t = 0; t < steps; t++)
            {
                for (var i = 0; i < inputs; i++)
                {
                    target[(t * inputs) + i] = ws.DhAbove[(t * inputs * r) + (i * r) + col];
                }
            }
        }
    }

    private void Forward(LstmWorkspace<T> ws, bool training, ref MaskRandom masks)
    {
        if (Vector512.IsHardwareAccelerated && ws.Rows % Vector512<T>.Count == 0)
        {
            LstmPass.Forward<T, Vector512Ops<T>>(Network, ws, training, ref masks);
        }
        else if (Vector256.IsHardwareAccelerated && ws.Rows % Vector256<T>.Count == 0)
        {
            LstmPass.Forward<T, Vector256Ops<T>>(Network, ws, training, ref masks);
        }
        else
        {
            LstmPass.Forward<T, ScalarOps<T>>(Network, ws, training, ref masks);
        }
    }

    private void Backward(LstmWorkspace<T> ws, T[] grads, bool wantInput)
    {
        if (Vector512.IsHardwareAccelerated && ws.Rows % Vector512<T>.Count == 0)
        {
            LstmPass.Backward<T, Vector512Ops<T>>(Network, ws, grads, wantInput);
        }
        else if (Vector256.IsHardwareAccelerated && ws.Rows % Vector256<T>.Count == 0)
        {
            LstmPass.Backward<T, Vector256Ops<T>>(Network, ws, grads, wantInput);
        }
        else
        {
            LstmPass.Backward<T, ScalarOps<T>>(Network, ws, grads, wantInput);
        }
    }
}
