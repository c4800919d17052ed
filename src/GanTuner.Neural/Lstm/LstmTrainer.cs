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
/// targets [n]; a batch is a list of row indices into them. <see cref="ParallelPlan.Choose"/> picks how
/// a batch uses the threads (<see cref="Plan"/>). Under <see cref="ParallelPlanKind.Rows"/> a batch is
/// cut into chunks of <see cref="RowsPerChunk"/> rows that the threads take one at a time; each chunk's
/// gradient is computed on its own and merged in chunk order. Under <see cref="ParallelPlanKind.Units"/>
/// all threads work on each chunk together, every one on a fixed share of the hidden units; under
/// <see cref="ParallelPlanKind.Pipeline"/> and <see cref="ParallelPlanKind.Wavefront"/> they work on each
/// chunk together a layer at a time or every layer at once. Either way a given seed and thread count
/// always give the same bits. Not thread-safe: one caller at a time.
/// </remarks>
public sealed class LstmTrainer<T> : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LstmWorkspace<T>[] _workspaces;
    private readonly GateWeights<T> _gateWeights;
    private readonly T[][] _workerGradients;
    private readonly ChunkScheduler _scheduler;
    private readonly SpinTeam? _team;
    private readonly Action<int, SpinTeam.Cursor> _teamGradientBody;
    private readonly Action<int, SpinTeam.Cursor> _teamPredictBody;
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
    private int _teamChunk;

    // The squared error of the team's chunk, written by whichever member ran the loss piece.
    private double _teamSse;
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

        Plan = ParallelPlan.Choose(network.Spec, options.MaxBatchSize, options.SequenceLength, options.Threads, Unsafe.SizeOf<T>(), options.MemoryBudgetBytes, options.Plan);
        RowsPerChunk = Plan.RowsPerChunk;
        var members = Plan.Kind == ParallelPlanKind.Rows ? Plan.Threads : 1;
        var bytesPerRow = LstmWorkspace<T>.BytesPerRow(network.Spec, options.SequenceLength, Unsafe.SizeOf<T>());

        _gateWeights = new GateWeights<T>(network.Spec);
        _workspaces = new LstmWorkspace<T>[members];
        _workerGradients = new T[members][];
        for (var w = 0; w < members; w++)
        {
            var pieces = Plan.Kind switch
            {
                ParallelPlanKind.Units => Plan.Threads,
                // One scratch per layer: every layer's weight gradient may run at once.
                ParallelPlanKind.Wavefront => network.Spec.Layers,
                // Twice the threads: the weight gradient's shares then balance against a recurrence running beside them.
                ParallelPlanKind.Pipeline => 2 * Plan.Threads,
                _ => 1,
            };
            _workspaces[w] = new LstmWorkspace<T>(network.Spec, options.SequenceLength, RowsPerChunk, _gateWeights, pieces, layersAtOnce: Plan.Kind == ParallelPlanKind.Wavefront);
            _workerGradients[w] = new T[network.ParameterCount];
        }

        WorkspaceBytes = members * bytesPerRow * RowsPerChunk;
        Gradients = new T[network.ParameterCount];
        _adamM = new T[network.ParameterCount];
        _adamV = new T[network.ParameterCount];
        _scheduler = new ChunkScheduler(members);
        _team = Plan.Kind is ParallelPlanKind.Units or ParallelPlanKind.Pipeline or ParallelPlanKind.Wavefront ? new SpinTeam(Plan.Threads) : null;
        _gradientBody = GradientChunk;
        _predictBody = PredictChunk;
        _teamGradientBody = TeamGradientChunk;
        _teamPredictBody = TeamPredictChunk;
    }

    /// <summary>The network being trained (its parameters change in place).</summary>
    public LstmNetwork<T> Network { get; }

    /// <summary>The settings.</summary>
    public LstmTrainerOptions Options { get; }

    /// <summary>∂L/∂parameters of the last <see cref="ComputeGradients"/>, in the network's layout.</summary>
    public T[] Gradients { get; }

    /// <summary>Batch rows per chunk (padded to the SIMD width inside a workspace).</summary>
    public int RowsPerChunk { get; }

    /// <summary>Threads actually used (no more than the plan can keep busy).</summary>
    public int Threads => _team?.Size ?? _scheduler.Size;

    /// <summary>How batches are spread over the threads, as <see cref="ParallelPlan.Choose"/> decided.</summary>
    public ParallelPlan Plan { get; }

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

        _gateWeights.Refresh(Network);
        try
        {
            if (_team is null)
            {
                _scheduler.Run(_chunks, _gradientBody);
            }
            else
            {
                for (_teamChunk = 0; _teamChunk < _chunks; _teamChunk++)
                {
                    _team.Run(_teamGradientBody);
                    _sse += _teamSse;
                }
            }
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
        _gateWeights.Refresh(Network);
        try
        {
            if (_team is null)
            {
                _scheduler.Run(_chunks, _predictBody);
            }
            else
            {
                for (_teamChunk = 0; _teamChunk < _chunks; _teamChunk++)
                {
                    _team.Run(_teamPredictBody);
                }
            }
        }
        finally
        {
            _output = default;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _scheduler.Dispose();
        _team?.Dispose();
    }

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

            var cursor = default(SpinTeam.Cursor);
            sse = ChunkGradient(ws, grads, chunk, ref cursor);
            computed = true;
        }
        finally
        {
            Merge(chunk, grads, sse, computed);
        }
    }

    /// <summary>One chunk of a batch computed by the whole team (the Units plan, always direct).</summary>
    private void TeamGradientChunk(int member, SpinTeam.Cursor cursor) =>
        ChunkGradient(_workspaces[0], Gradients, _teamChunk, ref cursor);

    /// <summary>
    /// Forward and backward of one chunk into <paramref name="grads"/>; returns its squared error (on the
    /// member that ran the loss piece; 0 elsewhere). With a team every member calls it, and the job's
    /// arguments are read only inside pieces (a member late for this job must never see the next one's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ChunkGradient(LstmWorkspace<T> ws, T[] grads, int chunk, ref SpinTeam.Cursor cursor)
    {
        var team = cursor.Size > 1;
        var masks = default(MaskRandom);
        var training = false;
        var wantInput = false;
        for (var piece = cursor.Begin(team ? 2 : 1); piece >= 0; piece = cursor.Next())
        {
            (training, wantInput) = (_training, !_output.IsEmpty);
            masks = new MaskRandom(Options.Seed, _batchCounter, (ulong)chunk);
            if (piece == 0)
            {
                LoadInputs(ws, ChunkRows(chunk), 0);
            }

            if (team && piece == 1)
            {
                LstmPass.Prepare(Network.Spec, ws, training, ref masks);
            }
        }

        // Every member needs the flags for its phase structure, not only the one that ran piece 0.
        (training, wantInput) = (_training, !_output.IsEmpty);
        Forward(ws, training, ref masks, ref cursor, team);
        var sse = 0.0;
        for (var piece = cursor.Begin(1); piece >= 0; piece = cursor.Next())
        {
            var rows = ChunkRows(chunk);
            var targets = _targets.Span;
            var scale = T.CreateChecked(2.0 / _count);
            for (var col = 0; col < ws.Rows; col++)
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

            _teamSse = sse;
        }

        Backward(ws, grads, wantInput, ref cursor);
        if (wantInput)
        {
            for (var piece = cursor.Begin(1); piece >= 0; piece = cursor.Next())
            {
                ScatterInputGradient(ws, ChunkRows(chunk));
            }
        }

        return sse;
    }

    private ReadOnlySpan<int> ChunkRows(int chunk)
    {
        var start = chunk * RowsPerChunk;
        return _rows.Span.Slice(start, Math.Min(RowsPerChunk, _count - start));
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
        var cursor = default(SpinTeam.Cursor);
        var start = chunk * RowsPerChunk;
        var count = Math.Min(RowsPerChunk, _count - start);
        LoadInputs(ws, [], start, count);
        Forward(ws, training: false, ref masks, ref cursor, prepared: false);
        ws.Prediction.AsSpan(0, count).CopyTo(_output.Span.Slice(start, count));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TeamPredictChunk(int member, SpinTeam.Cursor cursor)
    {
        var ws = _workspaces[0];
        var masks = default(MaskRandom);
        for (var piece = cursor.Begin(1); piece >= 0; piece = cursor.Next())
        {
            var start = _teamChunk * RowsPerChunk;
            LoadInputs(ws, [], start, Math.Min(RowsPerChunk, _count - start));
            LstmPass.Prepare(Network.Spec, ws, training: false, ref masks);
        }

        Forward(ws, training: false, ref masks, ref cursor, prepared: true);
        for (var piece = cursor.Begin(1); piece >= 0; piece = cursor.Next())
        {
            var start = _teamChunk * RowsPerChunk;
            var count = Math.Min(RowsPerChunk, _count - start);
            ws.Prediction.AsSpan(0, count).CopyTo(_output.Span.Slice(start, count));
        }
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

    private void Forward(LstmWorkspace<T> ws, bool training, ref MaskRandom masks, ref SpinTeam.Cursor cursor, bool prepared)
    {
        if (Vector512.IsHardwareAccelerated && ws.Rows % Vector512<T>.Count == 0)
        {
            Forward<Vector512Ops<T>>(ws, training, ref masks, ref cursor, prepared);
        }
        else if (Vector256.IsHardwareAccelerated && ws.Rows % Vector256<T>.Count == 0)
        {
            Forward<Vector256Ops<T>>(ws, training, ref masks, ref cursor, prepared);
        }
        else
        {
            Forward<ScalarOps<T>>(ws, training, ref masks, ref cursor, prepared);
        }
    }

    private void Forward<TV>(LstmWorkspace<T> ws, bool training, ref MaskRandom masks, ref SpinTeam.Cursor cursor, bool prepared)
        where TV : struct, IVector<TV, T>
    {
        if (Plan.Kind == ParallelPlanKind.Pipeline)
        {
            LstmPipelinePass.Forward<T, TV>(Network, ws, training, ref cursor);
        }
        else if (Plan.Kind == ParallelPlanKind.Wavefront)
        {
            LstmWavefrontPass.Forward<T, TV>(Network, ws, training, ref cursor);
        }
        else
        {
            LstmPass.Forward<T, TV>(Network, ws, training, ref masks, ref cursor, prepared);
        }
    }

    private void Backward(LstmWorkspace<T> ws, T[] grads, bool wantInput, ref SpinTeam.Cursor cursor)
    {
        if (Vector512.IsHardwareAccelerated && ws.Rows % Vector512<T>.Count == 0)
        {
            Backward<Vector512Ops<T>>(ws, grads, wantInput, ref cursor);
        }
        else if (Vector256.IsHardwareAccelerated && ws.Rows % Vector256<T>.Count == 0)
        {
            Backward<Vector256Ops<T>>(ws, grads, wantInput, ref cursor);
        }
        else
        {
            Backward<ScalarOps<T>>(ws, grads, wantInput, ref cursor);
        }
    }

    private void Backward<TV>(LstmWorkspace<T> ws, T[] grads, bool wantInput, ref SpinTeam.Cursor cursor)
        where TV : struct, IVector<TV, T>
    {
        if (Plan.Kind == ParallelPlanKind.Pipeline)
        {
            LstmPipelinePass.Backward<T, TV>(Network, ws, grads, wantInput, ref cursor);
        }
        else if (Plan.Kind == ParallelPlanKind.Wavefront)
        {
            LstmWavefrontPass.Backward<T, TV>(Network, ws, grads, wantInput, ref cursor);
        }
        else
        {
            LstmPass.Backward<T, TV>(Network, ws, grads, wantInput, ref cursor);
        }
    }
}
