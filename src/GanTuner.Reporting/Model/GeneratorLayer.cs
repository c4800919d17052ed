namespace GanTuner.Reporting.Model;

/// <summary>One layer of the GAN generator (paper, appendix A): which pathway it belongs to (one per
/// hyperparameter, or a shared trunk), its kind, its sizes and activation.</summary>
public sealed record GeneratorLayer(string Pathway, string Layer, int Inputs, int Outputs, string Activation);
