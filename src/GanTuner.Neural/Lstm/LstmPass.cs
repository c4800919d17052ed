using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using GanTuner.Neural.Kernels;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// Forward and backward through the whole network for one chunk of rows held in a workspace:
/// layer by layer, step by step, one fused [4H × (I + H)] product per step.
/// </summary>
internal static class LstmPass
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, bool training, ref MaskRandom masks)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (h, r, steps, top) = (spec.Hidden, ws.Rows, ws.Steps, spec.Layers - 1);
        var dropout = training && spec.Dropout > 0;
        ws.DropoutActive = dropout;
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
            xh.AsSpan(inputs * r, blockH).Clear();
            cell.AsSpan(0, blockH).Clear();
            ref var w = ref network.Parameters[network.LayerOffset(l)];
            ref var bias = ref Unsafe.Add(ref w, 4 * h * k);
            for (var t = 0; t < steps; t++)
            {
                Gemm.Multiply<T, TV>(4 * h, k, r, ref w, k, 1, ref xh[t * blockXh], ref gates[t * blockG], ref bias, GemmInit.Bias);
                var hOut = xh.AsSpan(((t + 1) * blockXh) + (inputs * r), blockH);
                CellMath.Forward<T, TV>(
                    blockH,
                    gates.AsSpan(t * blockG, blockG),
                    cell.AsSpan(t * blockH, blockH),
                    cell.AsSpan((t + 1) * blockH, blockH),
                    tanhC.AsSpan(t * blockH, blockH),
                    hOut);
                if (l < top)
                {
                    // The next layer's x_t: this layer's h_t through Keras's Dropout on the whole sequence.
                    var next = ws.Xh[l + 1].AsSpan(t * 2 * h * r, blockH);
                    if (dropout)
                    {
                        var mask = ws.Mask[l].AsSpan(t * blockH, blockH);
                        masks.Fill(mask, spec.Dropout);
                        TensorPrimitives.Multiply<T>(hOut, mask, next);
                    }
                    else
                    {
                        hOut.CopyTo(next);
                    }
                }
            }
        }

        var topK = spec.LayerInputs(top) + h;
        var last = ws.Xh[top].AsSpan((steps * topK * r) + (spec.LayerInputs(top) * r), blockH);
        if (dropout)
        {
            masks.Fill(ws.Mask[top].AsSpan(), spec.Dropout);
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

    /// <summary>
    /// Backward from ws.DPrediction, adding every parameter's gradient into <paramref name="grads"/>.
    /// With <paramref name="wantInputGradient"/>, ws.DhAbove ends holding ∂L/∂x ([T × I × r]).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, T[] grads, bool wantInputGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var (h, r, steps, top) = (spec.Hidden, ws.Rows, ws.Steps, spec.Layers - 1);
        var blockH = h * r;
        var head = network.HeadOffset;

        Gemm.AccumulateProducts<T, TV>(1, h, r, 1, ref ws.DPrediction[0], r, ref ws.HeadInput[0], blockH, ref grads[head]);
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
            ws.Dc.AsSpan().Clear();
            ws.DhRecurrent.AsSpan().Clear();
            for (var t = steps - 1; t >= 0; t--)
            {
                ReadOnlySpan<T> above = l == top
                    ? (t == steps - 1 ? ws.DhTop : [])
                    : ws.DhAbove.AsSpan(t * blockH, blockH);
                CellMath.Backward<T, TV>(
                    blockH,
                    gates.AsSpan(t * blockG, blockG),
                    cell.AsSpan(t * blockH, blockH),
                    tanhC.AsSpan(t * blockH, blockH),
                    ws.DhRecurrent,
                    above,
                    ws.Dc);
                if (t > 0)
                {
                    // ∂L/∂h_{t−1} = W_hhᵀ · δz_t: the recurrent columns of W, read transposed through strides.
                    Gemm.Multiply<T, TV>(h, 4 * h, r, ref Unsafe.Add(ref w, inputs), 1, k, ref gates[t * blockG], ref ws.DhRecurrent[0], ref Unsafe.NullRef<T>(), GemmInit.Zero);
                }
            }

            Gemm.AccumulateProducts<T, TV>(4 * h, k, r, steps, ref gates[0], blockG, ref ws.Xh[l][0], blockXh, ref grads[offset]);
            Gemm.AccumulateRowSums<T, TV>(4 * h, r, steps, ref gates[0], blockG, ref grads[offset + (4 * h * k)]);

            if (l > 0 || wantInputGradient)
            {
                var blockX = inputs * r;
                for (var t = 0; t < steps; t++)
                {
                    Gemm.Multiply<T, TV>(inputs, 4 * h, r, ref w, 1, k, ref gates[t * blockG], ref ws.DhAbove[t * blockX], ref Unsafe.NullRef<T>(), GemmInit.Zero);
                }

                if (l > 0 && ws.DropoutActive)
                {
                    var dx = ws.DhAbove.AsSpan(0, steps * blockX);
                    TensorPrimitives.Multiply<T>(dx, ws.Mask[l - 1], dx);
                }
            }
        }
    }
}
