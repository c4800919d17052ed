[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("GanTuner.Forecasting.Tests")]
