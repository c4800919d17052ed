using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using GanTuner.Neural.Kernels;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// Forward and backward through the whole network for one chunk of rows held in a workspace:
/// layer by layer, step by step, one fused [4H × (I + H)] product per step.
/// </summary>
/// <remarks>
/// The work is written as phases of a <see cref="SpinTeam.Cursor"/> (<see cref="ParallelPlanKind.Units"/>):
/// each time step of each layer is one phase whose pieces are shares of the hidden units (a share's
/// four gate rows, its cell update and, in backward, its rows of ∂h); after backpropagation through
/// time one phase holds the weight gradient split by gate rows and ∂L/∂x split by time steps. Every
/// value is computed by the same kernel in the same order whoever runs its piece and however many
/// pieces there are, so a team gives the bits of one thread. Without a team (the default cursor) one
/// thread runs every piece of a one-piece phase: the serial engine.
/// </remarks>
internal static class LstmPass
{
    /// <summary>
    /// Draws the dropout masks of a training pass in the order <see cref="Forward{T, TV}"/> draws them
    /// itself, and clears every layer's h_{−1} and c_{−1}: a team's prologue, before any step reads them.
    /// </summary>
    public static void Prepare<T>(LstmSpec spec, LstmWorkspace<T> ws, bool training, ref MaskRandom masks)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (h, r, steps, top) = (spec.Hidden, ws.Rows, ws.Steps, spec.Layers - 1);
        var blockH = h * r;
        ws.ResetProgress();
        for (var l = 0; l <= top; l++)
        {
            ws.Xh[l].AsSpan(spec.LayerInputs(l) * r, blockH).Clear();
            ws.Cell[l].AsSpan(0, blockH).Clear();
        }

        if (training && spec.Dropout > 0)
        {
            for (var l = 0; l < top; l++)
            {
                for (var t = 0; t < steps; t++)
                {
                    masks.Fill(ws.Mask[l].AsSpan(t * blockH, blockH), spec.Dropout);
                }
            }

            masks.Fill(ws.Mask[top].AsSpan(), spec.Dropout);
        }
    }

    /// <summary>
    /// Forward over the chunk. With <paramref name="prepared"/>, <see cref="Prepare{T}"/> has run (masks
    /// drawn, initial states cleared); otherwise this draws the masks itself as it goes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, bool training, ref MaskRandom masks, ref SpinTeam.Cursor cursor, bool prepared)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (h, r, steps, top) = (spec.Hidden, ws.Rows, ws.Steps, spec.Layers - 1);
        var pieces = cursor.Size;
        var dropout = training && spec.Dropout > 0;
        var blockH = h * r;
        for (var l = 0; l <= top; l++)
        {
            var inputs = spec.LayerInputs(l);
            var k = inputs + h;
            var (blockXh, blockG) = (k * r, 4 * h * r);
            var xh = ws.Xh[l];
            var gates = ws.Gates[l];
            var cell = ws.Cell[l];
            var tanhC = ws.TanhCell[l];
            if (!prepared)
            {
                xh.AsSpan(inputs * r, blockH).Clear();
                cell.AsSpan(0, blockH).Clear();
            }

            // W transposed, so the product's A has contiguous rows: A[i, p] = wt[p·4H + i].
            ref var wt = ref ws.GateWeights[l][0];
            ref var bias = ref network.Parameters[network.LayerOffset(l) + (4 * h * k)];
            for (var t = 0; t < steps; t++)
            {
                for (var piece = cursor.Begin(pieces); piece >= 0; piece = cursor.Next())
                {
                    var (u0, u1) = Share(h, piece, pieces);
                    var (nu, own) = (u1 - u0, u0 * r);
                    if (pieces == 1)
                    {
                        Gemm.Multiply<T, TV>(4 * h, k, r, ref wt, 1, 4 * h, ref xh[t * blockXh], ref gates[t * blockG], ref bias, GemmInit.Bias);
                    }
                    else
                    {
                        for (var g = 0; g < 4; g++)
                        {
                            var row = (g * h) + u0;
                            Gemm.Multiply<T, TV>(nu, k, r, ref Unsafe.Add(ref wt, row), 1, 4 * h, ref xh[t * blockXh], ref gates[(t * blockG) + (row * r)], ref Unsafe.Add(ref bias, row), GemmInit.Bias);
                        }
                    }

                    var hOut = xh.AsSpan(((t + 1) * blockXh) + (inputs * r) + own, nu * r);
                    CellMath.Forward<T, TV>(
                        nu * r,
                        blockH,
                        gates.AsSpan((t * blockG) + own),
                        cell.AsSpan((t * blockH) + own, nu * r),
                        cell.AsSpan(((t + 1) * blockH) + own, nu * r),
                        tanhC.AsSpan((t * blockH) + own, nu * r),
                        hOut);
                    if (l < top)
                    {
                        // The next layer's x_t: this layer's h_t through Keras's Dropout on the whole sequence.
                        var next = ws.Xh[l + 1].AsSpan((t * 2 * h * r) + own, nu * r);
                        if (dropout)
                        {
                            var mask = ws.Mask[l].AsSpan((t * blockH) + own, nu * r);
                            if (!prepared)
                            {
                                masks.Fill(mask, spec.Dropout);
                            }

                            TensorPrimitives.Multiply<T>(hOut, mask, next);
                        }
                        else
                        {
                            hOut.CopyTo(next);
                        }
                    }
                }
            }
        }

        for (var piece = cursor.Begin(1); piece >= 0; piece = cursor.Next())
        {
            // Written inside a piece: a team member that is late for this job must not touch the workspace.
            ws.DropoutActive = dropout;
            Head<T, TV>(network, ws, dropout, ref masks, prepared);
        }
    }

    /// <summary>
    /// Backward from ws.DPrediction, adding every parameter's gradient into <paramref name="grads"/>.
    /// With <paramref name="wantInputGradient"/>, ws.DhAbove ends holding ∂L/∂x ([T × I × r]).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, T[] grads, bool wantInputGradient, ref SpinTeam.Cursor cursor)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (h, r, steps, top) = (spec.Hidden, ws.Rows, ws.Steps, spec.Layers - 1);
        var pieces = cursor.Size;
        var blockH = h * r;
        var head = network.HeadOffset;

        for (var piece = cursor.Begin(1); piece >= 0; piece = cursor.Next())
        {
            HeadBackward<T, TV>(network, ws, grads);
        }

        for (var l = top; l >= 0; l--)
        {
            var inputs = spec.LayerInputs(l);
            var k = inputs + h;
            var (blockXh, blockG) = (k * r, 4 * h * r);
            var gates = ws.Gates[l];
            var cell = ws.Cell[l];
            var tanhC = ws.TanhCell[l];
            var offset = network.LayerOffset(l);
            ref var w = ref network.Parameters[offset];
            for (var t = steps - 1; t >= 0; t--)
            {
                for (var piece = cursor.Begin(pieces); piece >= 0; piece = cursor.Next())
                {
                    var (u0, u1) = Share(h, piece, pieces);
                    var (nu, own) = (u1 - u0, u0 * r);
                    var dhRecurrent = ws.DhRecurrent.AsSpan(own, nu * r);
                    var dc = ws.Dc.AsSpan(own, nu * r);
                    if (t == steps - 1)
                    {
                        dc.Clear();
                        dhRecurrent.Clear();
                    }
                    else
                    {
                        // ∂L/∂h_t = W_hhᵀ · δz_{t+1} for this share's units: the recurrent columns of W read
                        // transposed through strides, from every share's δz_{t+1} (the previous phase).
                        Gemm.Multiply<T, TV>(nu, 4 * h, r, ref Unsafe.Add(ref w, inputs + u0), 1, k, ref gates[(t + 1) * blockG], ref ws.DhRecurrent[own], ref Unsafe.NullRef<T>(), GemmInit.Zero);
                    }

                    ReadOnlySpan<T> above = l == top
                        ? (t == steps - 1 ? ws.DhTop.AsSpan(own, nu * r) : [])
                        : ws.DhAbove.AsSpan((t * blockH) + own, nu * r);
                    CellMath.Backward<T, TV>(
                        nu * r,
                        blockH,
                        gates.AsSpan((t * blockG) + own),
                        cell.AsSpan((t * blockH) + own, nu * r),
                        tanhC.AsSpan((t * blockH) + own, nu * r),
                        dhRecurrent,
                        above,
                        dc);
                }
            }

            // Weight gradient split by gate rows (each summed in the whole product's order), then ∂L/∂x by steps.
            var wantDx = l > 0 || wantInputGradient;
            var block = Gemm.StepBlock<T>(4 * h, k, r, steps);
            for (var piece = cursor.Begin(wantDx ? 2 * pieces : pieces); piece >= 0; piece = cursor.Next())
            {
                if (piece < pieces)
                {
                    var (d0, d1) = Share(4 * h, piece, pieces, 4);
                    if (d1 > d0)
                    {
                        Gemm.AccumulateProducts<T, TV>(d1 - d0, k, r, steps, ref gates[d0 * r], blockG, ref ws.Xh[l][0], blockXh, ref grads[offset + (d0 * k)], block, ws.PackScratch[piece]);
                        Gemm.AccumulateRowSums<T, TV>(d1 - d0, r, steps, ref gates[d0 * r], blockG, ref grads[offset + (4 * h * k) + d0]);
                    }

                    continue;
                }

                var blockX = inputs * r;
                var (t0, t1) = Share(steps, piece - pieces, pieces);
                for (var t = t0; t < t1; t++)
                {
                    Gemm.Multiply<T, TV>(inputs, 4 * h, r, ref w, 1, k, ref gates[t * blockG], ref ws.DhAbove[t * blockX], ref Unsafe.NullRef<T>(), GemmInit.Zero);
                }

                if (l > 0 && ws.DropoutActive && t1 > t0)
                {
                    var dx = ws.DhAbove.AsSpan(t0 * blockX, (t1 - t0) * blockX);
                    TensorPrimitives.Multiply<T>(dx, ws.Mask[l - 1].AsSpan(t0 * blockX, (t1 - t0) * blockX), dx);
                }
            }
        }
    }

    /// <summary>The head's gradients, and ∂L/∂h_{T−1} of the top layer into ws.DhTop.</summary>
    internal static void HeadBackward<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, T[] grads)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var (h, r, top, head) = (network.Spec.Hidden, ws.Rows, network.Spec.Layers - 1, network.HeadOffset);
        Gemm.AccumulateProducts<T, TV>(1, h, r, 1, ref ws.DPrediction[0], r, ref ws.HeadInput[0], h * r, ref grads[head]);
        Gemm.AccumulateRowSums<T, TV>(1, r, 1, ref ws.DPrediction[0], r, ref grads[head + h]);
        for (var m = 0; m < h; m++)
        {
            var row = ws.DhTop.AsSpan(m * r, r);
            TensorPrimitives.Multiply<T>(ws.DPrediction, network.Parameters[head + m], row);
        }

        if (ws.DropoutActive)
        {
            TensorPrimitives.Multiply<T>(ws.DhTop, ws.Mask[top], ws.DhTop);
        }
    }

    /// <summary>Phases of one <see cref="Forward{T, TV}"/> plus one <see cref="Backward{T, TV}"/> (a team's ticket holds 16 bits of them).</summary>
    public static int Phases(LstmSpec spec, int steps) => (2 * spec.Layers * steps) + spec.Layers + 2;

    /// <summary>Piece <paramref name="piece"/>'s range of [0, count) in <paramref name="pieces"/> near-equal parts (multiples of <paramref name="granule"/> but the last).</summary>
    internal static (int Start, int End) Share(int count, int piece, int pieces, int granule = 1)
    {
        if (pieces == 1)
        {
            return (0, count);
        }

        var units = (count + granule - 1) / granule;
        var start = Math.Min(count, units * piece / pieces * granule);
        var end = Math.Min(count, units * (piece + 1) / pieces * granule);
        return (start, end);
    }

    internal static void Head<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, bool dropout, ref MaskRandom masks, bool prepared)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (h, r, steps, top) = (spec.Hidden, ws.Rows, ws.Steps, spec.Layers - 1);
        var topK = spec.LayerInputs(top) + h;
        var last = ws.Xh[top].AsSpan((steps * topK * r) + (spec.LayerInputs(top) * r), h * r);
        if (dropout)
        {
            if (!prepared)
            {
                masks.Fill(ws.Mask[top].AsSpan(), spec.Dropout);
            }

            TensorPrimitives.Multiply<T>(last, ws.Mask[top], ws.HeadInput);
        }
        else
        {
            last.CopyTo(ws.HeadInput);
        }

        ref var headW = ref network.Parameters[network.HeadOffset];
        var headB = TV.Broadcast(network.Parameters[network.HeadOffset + h]);
        for (var col = 0; col < r; col += TV.Count)
        {
            var acc = headB;
            for (var m = 0; m < h; m++)
            {
                acc = TV.MultiplyAdd(TV.Broadcast(Unsafe.Add(ref headW, m)), TV.Load(ref ws.HeadInput[(m * r) + col]), acc);
            }

            TV.Store(acc, ref ws.Prediction[col]);
        }
    }
}
