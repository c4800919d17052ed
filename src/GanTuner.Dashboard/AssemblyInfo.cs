[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("GanTuner.Dashboard.Tests")]
