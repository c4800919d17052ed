using System.Numerics;
using System.Runtime.CompilerServices;
using GanTuner.Neural.Kernels;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// Forward and backward of one chunk under <see cref="ParallelPlanKind.Wavefront"/>: every layer is one
/// piece that runs all its steps, and layer l + 1 runs step t as soon as layer l has finished it (in
/// backward, layer l − 1 trails layer l), so with two threads two layers' recurrences run at once.
/// </summary>
/// <remarks>
/// Each step runs the same kernels on the same operands as <see cref="LstmPipelinePass"/> (W_x·x_t with
/// the bias, then W_h·h_{t−1} added on; ∂h through W_hhᵀ; ∂x through W_xᵀ; the weight gradient in the
/// whole product's step blocks), so every value has the serial engine's bits. A layer's piece owns its
/// layer's data: forward it computes its own W_x·x_t from the x_t the layer below wrote, and backward its
/// own ∂x_t for the layer below, so only one [H × r] block a step passes between cores. ws.DhAbove is shared:
/// layer l writes ∂x_t into block t only after layer l + 1 has used block t, because it waits for that
/// step. Layer 0's ∂L/∂x ([T × I × r]) would overwrite blocks still unread, so it waits for the last phase.
/// A piece only waits for the piece claimed just before it, so one thread alone runs them in order.
/// Each layer has one owner for the whole chunk, layer l's weight gradient included: data passed between
/// cores costs more here than the idle time of an uneven split (measured: a weight gradient split by gate
/// rows across two cores took 1.6 times as long as on the core that had written its operands).
/// </remarks>
internal static class LstmWavefrontPass
{
    /// <summary>Phases of one <see cref="Forward{T, TV}"/> plus one <see cref="Backward{T, TV}"/>.</summary>
    public static int Phases => 5;

    /// <summary>Forward over the chunk; <see cref="LstmPass.Prepare{T}"/> has run (masks drawn, states cleared, progress 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T, TV>(LstmNetwork<T> network, LstmWorkspace<T> ws, bool training, ref SpinTeam.Cursor cursor)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct, IVector<TV, T>
    {
        var spec = network.Spec;
        var steps = ws.Steps;
        var dropout = training && spec.Dropout > 0;

        // Layer l belongs to member l mod threads, forward and backward, so its data stays in one core's caches.
        for (var l = cursor.BeginOwned(spec.Layers, 0, 1); l >= 0; l = cursor.Next())
        {
            for (var t = 0; t < steps; t++)
            {
                if (l > 0)
                {
                    cursor.WaitFor(ref ws.LayerProgress(l - 1), t + 1);
                }

                LstmPipelinePass.InputProduct<T, TV>(network, ws, l, t, t + 1);
                LstmPipelinePass.RecurrenceStep<T, TV>(network, ws, l, t, dropout);
                Volatile.Write(ref ws.LayerProgress(l), t + 1);
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
        for (var piece = cursor.Begin(1); piece >= 0; piece = cursor.Next())
        {
            LstmPass.HeadBackward<T, TV>(network, ws, grads);
        }

        // Piece j is layer top − j: the top layer first, each layer below trailing the one above it; a
        // layer's weight gradient follows its last step (each layer packs into its own scratch).
        for (var piece = cursor.BeginOwned(spec.Layers, top, -1); piece >= 0; piece = cursor.Next())
        {
            var l = top - piece;
            var (dh, dc) = (ws.DhRecurrentOf(l), ws.DcOf(l));
            for (var t = steps - 1; t >= 0; t--)
            {
                if (l < top)
                {
                    cursor.WaitFor(ref ws.LayerProgress(l + 1), steps + (steps - t));
                }

                LstmPipelinePass.ThroughTimeStep<T, TV>(network, ws, l, t, dh, dc);
                if (l > 0)
                {
                    LstmPipelinePass.InputGradient<T, TV>(network, ws, l, t, t + 1);
                }

                Volatile.Write(ref ws.LayerProgress(l), steps + (steps - t));
            }

            LstmPipelinePass.WeightGradient<T, TV>(network, ws, grads, l, 0, 1, ws.PackScratch[l]);
        }

        if (wantInputGradient)
        {
            var blocks = LstmPipelinePass.Blocks(steps, cursor.Size);
            for (var piece = cursor.Begin(blocks); piece >= 0; piece = cursor.Next())
            {
                var (t0, t1) = LstmPass.Share(steps, piece, blocks);
                LstmPipelinePass.InputGradient<T, TV>(network, ws, 0, t0, t1);
            }
        }
    }
}
