[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("GanTuner.Tuning.Tests")]
