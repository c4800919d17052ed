[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("GanTuner.Export.Tests")]
