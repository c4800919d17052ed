using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using GanTuner.Neural.Kernels;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// Forward and backward of one chunk under <see cref="ParallelPlanKind.Pipeline"/>: each layer's
/// recurrence is one piece, run start to end by one thread, while the other threads do the products
/// that need no recurrence, trailing it through <see cref="LstmWorkspace{T}.Progress"/>.
/// </summary>
/// <remarks>
/// The gate product is cut in two: W_x·x_t (with the bias) for every step, then W_h·h_{t−1} added on in
/// the recurrence. Both run through the same accumulators in the same order as the one fused product of
/// <see cref="LstmPass"/>, so every value has the serial engine's bits. Forward: while layer l's
/// recurrence runs, the others compute layer l+1's W_x·x_t for the steps it has finished. Backward:
/// while layer l is backpropagated through time, the others compute the weight gradient of layer l+1
/// and then ∂L/∂x of layer l for the steps it has finished. A trailing piece only ever waits for a piece
/// of its own phase that was claimed before it, so it cannot deadlock; one thread alone runs the
/// pieces in order and never waits.
/// </remarks>
internal static class LstmPipelinePass
{
    /// <summary>Phases of one <see cref="Forward{T, TV}"/> plus one <see cref="Backward{T, TV}"/>.</summary>
    public static int Phases(LstmSpec spec) => (2 * spec.Layers) + 4;

    /// <summary>Forward over the chunk; <see cref="LstmPass.Prepare{T}"/> has run (masks drawn, states cleared, progress 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, bool training, ref SpinTeam.Cursor cursor)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (steps, top) = (ws.Steps, spec.Layers - 1);
        var dropout = training && spec.Dropout > 0;
        var blocks = Blocks(steps, cursor.Size);

        // Layer 0's input product needs only the loaded windows: every thread takes a share of the steps.
        for (var piece = cursor.Begin(blocks); piece >= 0; piece = cursor.Next())
        {
            var (t0, t1) = LstmPass.Share(steps, piece, blocks);
            InputProduct<T, TV>(network, ws, 0, t0, t1);
        }

        for (var l = 0; l <= top; l++)
        {
            var trailing = l < top ? blocks : 0;
            for (var piece = cursor.Begin(1 + trailing); piece >= 0; piece = cursor.Next())
            {
                if (piece == 0)
                {
                    Recurrence<T, TV>(network, ws, l, dropout);
                    continue;
                }

                var (t0, t1) = LstmPass.Share(steps, piece - 1, trailing);
                cursor.WaitFor(ref ws.Progress, (l * steps) + t1);
                InputProduct<T, TV>(network, ws, l + 1, t0, t1);
            }
        }

        for (var piece = cursor.Begin(1); piece >= 0; piece = cursor.Next())
        {
            // Written inside a piece: a team member that is late for this job must not touch the workspace.
            ws.DropoutActive = dropout;
            var masks = default(MaskRandom);
            LstmPass.Head<T, TV>(network, ws, dropout, ref masks, prepared: true);
        }
    }

    /// <summary>Backward from ws.DPrediction into <paramref name="grads"/>; with <paramref name="wantInputGradient"/>, ws.DhAbove ends holding ∂L/∂x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, T[] grads, bool wantInputGradient, ref SpinTeam.Cursor cursor)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (steps, top) = (ws.Steps, spec.Layers - 1);
        var blocks = Blocks(steps, cursor.Size);
        var shares = ws.PackScratch.Length;
        for (var piece = cursor.Begin(1); piece >= 0; piece = cursor.Next())
        {
            LstmPass.HeadBackward<T, TV>(network, ws, grads);
        }

        for (var l = top; l >= 0; l--)
        {
            // Layer 0's ∂L/∂x is [T × I × r]: written while layer 0 still reads DhAbove as [T × H × r], it
            // would overwrite steps not yet done, so it waits for the next phase.
            var weightShares = l < top ? shares : 0;
            var trailing = l > 0 ? blocks : 0;
            var backward = (steps * spec.Layers) + ((top - l) * steps);
            for (var piece = cursor.Begin(1 + weightShares + trailing); piece >= 0; piece = cursor.Next())
            {
                if (piece == 0)
                {
                    ThroughTime<T, TV>(network, ws, l, backward);
                }
                else if (piece <= weightShares)
                {
                    WeightGradient<T, TV>(network, ws, grads, l + 1, piece - 1, weightShares, ws.PackScratch[piece - 1]);
                }
                else
                {
                    // Blocks from the last steps down, the order the recurrence finishes them in.
                    var (t0, t1) = LstmPass.Share(steps, trailing - (piece - weightShares), trailing);
                    cursor.WaitFor(ref ws.Progress, backward + steps - t0);
                    InputGradient<T, TV>(network, ws, l, t0, t1);
                }
            }
        }

        for (var piece = cursor.Begin(shares + (wantInputGradient ? blocks : 0)); piece >= 0; piece = cursor.Next())
        {
            if (piece < shares)
            {
                WeightGradient<T, TV>(network, ws, grads, 0, piece, shares, ws.PackScratch[piece]);
            }
            else
            {
                var (t0, t1) = LstmPass.Share(steps, piece - shares, blocks);
                InputGradient<T, TV>(network, ws, 0, t0, t1);
            }
        }
    }

    /// <summary>Pieces the steps of a trailing product are cut into: a few per thread, so the trail stays close.</summary>
    internal static int Blocks(int steps, int threads) => threads == 1 ? 1 : Math.Min(steps, 4 * threads);

    /// <summary>Gates of layer l at steps [t0, t1) = bias + W_x·x_t: the first inputs columns of the fused product.</summary>
    internal static void InputProduct<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, int l, int t0, int t1)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (h, r, inputs) = (spec.Hidden, ws.Rows, spec.LayerInputs(l));
        var k = inputs + h;
        var (blockXh, blockG) = (k * r, 4 * h * r);
        ref var wx = ref ws.GateWeights[l][0];
        ref var bias = ref network.Parameters[network.LayerOffset(l) + (4 * h * k)];
        for (var t = t0; t < t1; t++)
        {
            Gemm.Multiply<T, TV>(4 * h, inputs, r, ref wx, 1, 4 * h, ref ws.Xh[l][t * blockXh], ref ws.Gates[l][t * blockG], ref bias, GemmInit.Bias);
        }
    }

    /// <summary>Layer l through time: adds W_h·h_{t−1}, updates the cell, writes h_t and the next layer's x_t, counts each step done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Recurrence<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, int l, bool dropout)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var steps = ws.Steps;
        for (var t = 0; t < steps; t++)
        {
            RecurrenceStep<T, TV>(network, ws, l, t, dropout);
            Volatile.Write(ref ws.Progress, (l * steps) + t + 1);
        }
    }

    /// <summary>Step t of layer l's recurrence: adds W_h·h_{t−1} to the gates, updates the cell, writes h_t and the next layer's x_t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RecurrenceStep<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, int l, int t, bool dropout)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (h, r, inputs) = (spec.Hidden, ws.Rows, spec.LayerInputs(l));
        var k = inputs + h;
        var (blockXh, blockG, blockH, blockNext) = (k * r, 4 * h * r, h * r, 2 * h * r);
        var (xh, gates, cell, tanhC) = (ws.Xh[l], ws.Gates[l], ws.Cell[l], ws.TanhCell[l]);

        // h_{−1} is zero, but the product still runs at t = 0: the fused product's sums see the same additions.
        Gemm.Multiply<T, TV>(4 * h, h, r, ref ws.GateWeights[l][inputs * 4 * h], 1, 4 * h, ref xh[(t * blockXh) + (inputs * r)], ref gates[t * blockG], ref Unsafe.NullRef<T>(), GemmInit.Accumulate);
        var hOut = xh.AsSpan(((t + 1) * blockXh) + (inputs * r), blockH);
        CellMath.Forward<T, TV>(blockH, blockH, gates.AsSpan(t * blockG, blockG), cell.AsSpan(t * blockH, blockH), cell.AsSpan((t + 1) * blockH, blockH), tanhC.AsSpan(t * blockH, blockH), hOut);
        if (l < spec.Layers - 1)
        {
            // The next layer's x_t: this layer's h_t through Keras's Dropout on the whole sequence.
            var next = ws.Xh[l + 1].AsSpan(t * blockNext, blockH);
            if (dropout)
            {
                TensorPrimitives.Multiply<T>(hOut, ws.Mask[l].AsSpan(t * blockH, blockH), next);
            }
            else
            {
                hOut.CopyTo(next);
            }
        }
    }

    /// <summary>Layer l backpropagated through time: leaves ∂L/∂z_t in the gates, counting each step done from <paramref name="counted"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ThroughTime<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, int l, int counted)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var steps = ws.Steps;
        for (var t = steps - 1; t >= 0; t--)
        {
            ThroughTimeStep<T, TV>(network, ws, l, t, ws.DhRecurrent, ws.Dc);
            Volatile.Write(ref ws.Progress, counted + (steps - t));
        }
    }

    /// <summary>
    /// Step t of layer l backpropagated through time (t from T − 1 down): turns the gates into ∂L/∂z_t,
    /// carrying ∂L/∂h and ∂L/∂c to step t − 1 in <paramref name="dhRecurrent"/> and <paramref name="dc"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ThroughTimeStep<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, int l, int t, AlignedBuffer<T> dhRecurrent, AlignedBuffer<T> dc)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (h, r, steps, inputs) = (spec.Hidden, ws.Rows, ws.Steps, spec.LayerInputs(l));
        var k = inputs + h;
        var (blockG, blockH) = (4 * h * r, h * r);
        var gates = ws.Gates[l];
        if (t == steps - 1)
        {
            dc.AsSpan(0, blockH).Clear();
            dhRecurrent.AsSpan(0, blockH).Clear();
        }
        else
        {
            // ∂L/∂h_t = W_hhᵀ · δz_{t+1}: the recurrent columns of W read transposed through strides.
            Gemm.Multiply<T, TV>(h, 4 * h, r, ref network.Parameters[network.LayerOffset(l) + inputs], 1, k, ref gates[(t + 1) * blockG], ref dhRecurrent[0], ref Unsafe.NullRef<T>(), GemmInit.Zero);
        }

        ReadOnlySpan<T> above = l == spec.Layers - 1
            ? (t == steps - 1 ? ws.DhTop.AsSpan(0, blockH) : [])
            : ws.DhAbove.AsSpan(t * blockH, blockH);
        CellMath.Backward<T, TV>(blockH, blockH, gates.AsSpan(t * blockG, blockG), ws.Cell[l].AsSpan(t * blockH, blockH), ws.TanhCell[l].AsSpan(t * blockH, blockH), dhRecurrent.AsSpan(0, blockH), above, dc.AsSpan(0, blockH));
    }

    /// <summary>Share <paramref name="share"/> of <paramref name="shares"/> of layer l's weight and bias gradient, split by gate rows, packed in <paramref name="scratch"/>.</summary>
    internal static void WeightGradient<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, T[] grads, int l, int share, int shares, AlignedBuffer<T> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (h, r, steps) = (spec.Hidden, ws.Rows, ws.Steps);
        var k = spec.LayerInputs(l) + h;
        var (blockXh, blockG) = (k * r, 4 * h * r);
        var offset = network.LayerOffset(l);
        var (d0, d1) = LstmPass.Share(4 * h, share, shares, 4);
        if (d1 <= d0)
        {
            return;
        }

        // Summed in the whole product's step blocks, so the split by rows does not change a bit.
        var block = Gemm.StepBlock<T>(4 * h, k, r, steps);
        Gemm.AccumulateProducts<T, TV>(d1 - d0, k, r, steps, ref ws.Gates[l][d0 * r], blockG, ref ws.Xh[l][0], blockXh, ref grads[offset + (d0 * k)], block, scratch);
        Gemm.AccumulateRowSums<T, TV>(d1 - d0, r, steps, ref ws.Gates[l][d0 * r], blockG, ref grads[offset + (4 * h * k) + d0]);
    }

    /// <summary>∂L/∂x_t = W_xᵀ·δz_t of layer l at steps [t0, t1) into ws.DhAbove, through the mask of the layer below.</summary>
    internal static void InputGradient<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, int l, int t0, int t1)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (h, r, inputs) = (spec.Hidden, ws.Rows, spec.LayerInputs(l));
        var k = inputs + h;
        var (blockG, blockX) = (4 * h * r, inputs * r);
        ref var w = ref network.Parameters[network.LayerOffset(l)];
        for (var t = t0; t < t1; t++)
        {
            Gemm.Multiply<T, TV>(inputs, 4 * h, r, ref w, 1, k, ref ws.Gates[l][t * blockG], ref ws.DhAbove[t * blockX], ref Unsafe.NullRef<T>(), GemmInit.Zero);
        }

        if (l > 0 && ws.DropoutActive && t1 > t0)
        {
            var dx = ws.DhAbove.AsSpan(t0 * blockX, (t1 - t0) * blockX);
            TensorPrimitives.Multiply<T>(dx, ws.Mask[l - 1].AsSpan(t0 * blockX, (t1 - t0) * blockX), dx);
        }
    }
}
