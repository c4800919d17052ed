namespace GanTuner.EngineBench;

internal static class EngineCompare
{
    public static int Run(EngineOptions options) => 0;
}
