using GanTuner.Neural;

namespace GanTuner.Tuning.Gan.Contrastive;

/// <summary>The generator's share of an Ask's pool: a fresh pathway generator trained to make the discriminators
/// call its samples real, then sampled.</summary>
/// <remarks>The generator's unit-cube output u is mapped to low + (high − low)·u: confined to the trust region,
/// the generator searches inside it. Unconfined, it found the discriminator's maxima where the discriminator
/// extrapolates, on the edges and corners of the cube, and those samples won half the Asks and were poor.</remarks>
internal sealed class GeneratorCandidates(int dimensions, GanSettings pathways, ContrastiveGanSettings settings)
{
    public List<double[]> Draw(DiscriminatorEnsemble discriminators, ObjectiveHistory history, double[] low, double[] high, SeededRandom random)
    {
        var generator = new PathwayGenerator(dimensions, pathways, random.Derive("pathways"));
        var features = history.Features(generator.HistoryLength);
        var noise = random.Derive("noise");
        List<double[]> Noise(int count) =>
            [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimensions * generator.NoiseDimensions).Select(_ => noise.NextGaussian()).ToArray())];
        var histories = Enumerable.Repeat(features, Math.Max(settings.GeneratorBatch, settings.PoolGenerated)).ToList();
        for (var step = 0; step < settings.GeneratorSteps; step++)
        {
            var batch = Noise(settings.GeneratorBatch);
            var samples = Map(generator.Forward(histories.GetRange(0, batch.Count), batch), low, high);
            var gradient = new Matrix(samples.Rows, samples.Columns);
            discriminators.AddRealnessGradient(ContrastiveDiscriminator.Centre(samples), gradient);
            for (var r = 0; r < gradient.Rows; r++)
            {
                for (var c = 0; c < gradient.Columns; c++)
                {
                    gradient[r, c] *= high[c] - low[c];
                }
            }

            generator.Backward(gradient);
            generator.Step();
        }

        var draws = Noise(settings.PoolGenerated);
        var output = Map(generator.Forward(histories.GetRange(0, draws.Count), draws), low, high);
        return [.. Enumerable.Range(0, output.Rows).Select(r => output.Row(r).ToArray())];
    }

    private static Matrix Map(Matrix unit, double[] low, double[] high)
    {
        var mapped = unit.Clone();
        for (var r = 0; r < mapped.Rows; r++)
        {
            for (var c = 0; c < mapped.Columns; c++)
            {
                mapped[r, c] = low[c] + ((high[c] - low[c]) * unit[r, c]);
            }
        }

        return mapped;
    }
}
