[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("GanTuner.Studies.Tests")]
