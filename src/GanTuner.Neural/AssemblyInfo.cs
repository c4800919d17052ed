[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("GanTuner.Neural.Tests")]
