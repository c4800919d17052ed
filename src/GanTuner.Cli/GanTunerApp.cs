using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli;

/// <summary>Builds the command tree; the only place where every part of GanTuner is wired together.</summary>
public static class GanTunerApp
{
    public static int Run(string[] args)
    {
        // Help, tables and the static AnsiConsole all go through one console that knows whether stdout is a terminal.
        AnsiConsole.Console = Terminal.CreateStdout();
        var app = new CommandApp();
        app.Configure(Configure);
        // An unknown option must be an error, not silently ignored (a mistyped --protocol would run the default).
        app.Configure(config => config.UseStrictParsing());
        try
        {
            return app.Run(args);
        }
#pragma warning disable CA1031 // The one place every failure becomes a line and an exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return CliErrors.Handle(e);
        }
    }

    public static void Configure(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SetApplicationName("gantuner");
        config.ConfigureConsole(AnsiConsole.Console);
        config.PropagateExceptions();
        // Commands register themselves here; each area owns the block below its marker.
        // [data]
        config.AddBranch("data", data =>
        {
            data.SetDescription("Inspect price data and download it from Yahoo Finance.");
            data.AddCommand<Commands.Data.DataShowCommand>("show")
                .WithDescription("Rows, dates, price range, largest gap and the windows of each split under a protocol.")
                .WithExample("data", "show")
                .WithExample("data", "show", "--data", "prices.csv", "--protocol", "paper", "--seq", "60");
            data.AddCommand<Commands.Data.DataFetchCommand>("fetch")
                .WithDescription("Download daily bars from Yahoo Finance into a Yahoo-format CSV.")
                .WithExample("data", "fetch", "^GSPC", "--from", "1927-12-30", "--out", "gspc.csv");
        });
        // [trial]
        config.AddCommand<Commands.Trial.TrialCommand>("trial")
            .WithDescription("Train one LSTM configuration and score it beside the naive forecast (tomorrow = today).")
            .WithExample("trial", "--layers", "2", "--units", "34", "--lr", "0.001", "--batch", "16", "--seq", "30", "--dropout", "0.2")
            .WithExample("trial", "--data", "gspc.csv", "--protocol", "paper", "--json");
        // [tuning]
        config.AddCommand<Commands.Tuning.AskCommand>("ask")
            .WithDescription("Start a study's next trial (creating the study if needed); prints {\"trial\":N,\"params\":{...}}.")
            .WithExample("ask", "--study", "my-model", "--tuner", "tpe", "--seed", "1")
            .WithExample("ask", "--study", "my-model", "--space", "space.json", "--storage", "runs.db");
        config.AddCommand<Commands.Tuning.TellCommand>("tell")
            .WithDescription("Record the value (or the failure) of a trial that ask started.")
            .WithExample("tell", "--study", "my-model", "--trial", "0", "--value", "0.0123")
            .WithExample("tell", "--study", "my-model", "--trial", "1", "--failed", "--reason", "out of memory");
        config.AddCommand<Commands.Tuning.BeatCommand>("beat")
            .WithDescription("Renew the heartbeat of a trial asked with --heartbeat; exits 3 when it is no longer running.")
            .WithExample("beat", "--study", "my-model", "--trial", "0");
        config.AddCommand<Commands.Tuning.StudiesCommand>("studies")
            .WithDescription("List the stored studies with their trial counts and best values.")
            .WithExample("studies", "--storage", "runs.db");
        // [tune]
        config.AddCommand<Commands.Tune.TuneCommand>("tune")
            .WithDescription("Tune the LSTM's six hyperparameters with a whole study: progress, resume, Appendix B, trials.csv/json, best model, report.")
            .WithExample("tune")
            .WithExample("tune", "--tuner", "tpe", "--iterations", "50", "--protocol", "paper", "--seed", "1")
            .WithExample("tune", "--symbol", "^GSPC", "--target", "log-return", "--out", "runs/gspc");
        config.AddCommand<Commands.Predict.PredictCommand>("predict")
            .WithDescription("The next trading day's close from a saved model (default: the newest ./gantuner-out/*/best-model.json).")
            .WithExample("predict")
            .WithExample("predict", "--model", "gantuner-out/gan-holdout-level-window-es-seed0-sp500/best-model.json", "--data", "prices.csv");
        // [report]
        config.AddCommand<Commands.Report.ReportCommand>("report")
            .WithDescription("The paper's figures as PNG files and one self-contained HTML page for a stored study.")
            .WithExample("report", "--study", "gan-sp500")
            .WithExample("report", "--study", "gan-sp500", "--compare", "random-sp500,tpe-sp500", "--out", "report");
        // [compare]
        config.AddCommand<Commands.Compare.CompareCommand>("compare")
            .WithDescription("Compare tuners on equal budgets over seeds (the LSTM or a synthetic function): best value after each budget, ranks, win rates, Wilcoxon tests, figures.")
            .WithExample("compare", "--objective", "lstm", "--tuners", "gan,random,grid,tpe,ga", "--budget", "20", "--seeds", "5", "--parallel", "2")
            .WithExample("compare", "--objective", "hartmann6", "--tuners", "gan,random,grid,tpe,ga", "--budget", "50", "--seeds", "30");
        // [dashboard]
        config.AddCommand<Commands.Dashboard.DashboardCommand>("dashboard")
            .WithDescription("A live, read-only web dashboard of the store's studies (history, parallel coordinates, slices, importance, trials).")
            .WithExample("dashboard", "--storage", "runs.db")
            .WithExample("dashboard", "--storage", "sqlite://runs.db", "--port", "8081", "--open");
        config.AddCommand<Commands.Export.ExportCommand>("export")
            .WithDescription("Write a study as an SQLite file in Optuna 3.1's schema, for optuna.load_study and optuna-dashboard.")
            .WithExample("export", "--study", "gan-sp500", "--storage", "gantuner.db", "--format", "optuna", "--out", "gan-sp500-optuna.db");
    }
}
