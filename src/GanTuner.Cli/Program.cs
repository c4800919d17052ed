using GanTuner.Cli;

return GanTunerApp.Run(args);
