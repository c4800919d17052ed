namespace GanTuner.Export.Optuna;

/// <summary>What an export wrote: the file, the study and its trial count.</summary>
public sealed record OptunaExportResult(string Path, string Study, int Trials);
