[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("GanTuner.Data.Tests")]
