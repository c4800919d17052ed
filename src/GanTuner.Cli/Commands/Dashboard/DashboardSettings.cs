using System.ComponentModel;
using GanTuner.Cli.Commands.Tuning;
using GanTuner.Dashboard;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Dashboard;

/// <summary>Options of <c>gantuner dashboard</c>.</summary>
public sealed class DashboardSettings : CommandSettings
{
    [CommandOption("--storage <FILE|URL>")]
    [Description("The study store to show: a SQLite file or sqlite://PATH. Opened read-only.")]
    [DefaultValue(StudySettings.DefaultStorage)]
    public string Storage { get; init; } = StudySettings.DefaultStorage;

    [CommandOption("--port <PORT>")]
    [Description("The TCP port (0 takes a free one).")]
    [DefaultValue(DashboardOptions.DefaultPort)]
    public int Port { get; init; } = DashboardOptions.DefaultPort;

    [CommandOption("--host <ADDRESS>")]
    [Description("The address to listen on. The loopback address by default: give 0.0.0.0 only to serve other machines.")]
    [DefaultValue(DashboardOptions.LoopbackHost)]
    public string Host { get; init; } = DashboardOptions.LoopbackHost;

    [CommandOption("--open")]
    [Description("Open the dashboard in the default browser.")]
    public bool Open { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Storage))
        {
            return ValidationResult.Error("--storage needs a file name or URL");
        }

        return Port is < 0 or > 65535 ? ValidationResult.Error($"--port must be between 0 and 65535 (got {Port})") : ValidationResult.Success();
    }
}
