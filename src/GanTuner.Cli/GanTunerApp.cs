using Spectre.Console.Cli;

namespace GanTuner.Cli;

/// <summary>Builds the command tree; the only place where every part of GanTuner is wired together.</summary>
public static class GanTunerApp
{
    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(Configure);
        return app.Run(args);
    }

    public static void Configure(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SetApplicationName("gantuner");
        config.PropagateExceptions();
        // Commands register themselves here; each area owns the block below its marker.
        // [data]
        // [trial]
        // [tuning]
        // [tune]
        // [report]
        // [compare]
    }
}
