[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("GanTuner.Storage.Tests")]
