namespace GanTuner.Data.Protocols;

public enum SplitKind
{
    Train,
    Validation,
    Test,
}
