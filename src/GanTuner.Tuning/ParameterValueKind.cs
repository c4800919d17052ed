namespace GanTuner.Tuning;

/// <summary>What a parameter value holds.</summary>
public enum ParameterValueKind
{
    IntegerNumber,
    RealNumber,
    Text,
}
