[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("GanTuner.Reporting.Tests")]
