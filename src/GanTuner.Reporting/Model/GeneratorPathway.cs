namespace GanTuner.Reporting.Model;

/// <summary>One pathway of the GAN generator (paper, appendix A): the network that proposes one
/// hyperparameter, from its inputs through its layer sizes to the value its sigmoid output becomes.</summary>
/// <param name="Hyperparameter">The hyperparameter this pathway proposes.</param>
/// <param name="Inputs">What the pathway reads, in words (recent objective values, noise).</param>
/// <param name="Sizes">Layer widths, input first, output (1) last.</param>
/// <param name="Activations">One activation per layer after the input.</param>
/// <param name="Output">How the output coordinate in [0, 1] maps to the hyperparameter's range.</param>
public sealed record GeneratorPathway(string Hyperparameter, string Inputs, IReadOnlyList<int> Sizes, IReadOnlyList<string> Activations, string Output);
