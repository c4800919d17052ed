using System.Diagnostics;
using System.Globalization;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;

// Throughput of many workers on one study: a synthetic objective that sleeps a fixed time per trial (so the
// figure measures the study machinery and the store, not the CPU), run by W workers in one process or by P
// processes, against a store given as memory, an SQLite path or a postgresql:// URL.
//   workers-bench --store PATH|URL [--seconds 0.5] [--trials-per-worker 12] [--workers 1,4] [--processes 0]
var inv = CultureInfo.InvariantCulture;
string Option(string name, string fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

var storeText = Option("--store", "memory");
var seconds = double.Parse(Option("--seconds", "0.5"), inv);
var perWorker = int.Parse(Option("--trials-per-worker", "12"), inv);
var space = new SearchSpace([new RealParameter("x", 0, 1), new RealParameter("y", 0, 1)]);

if (args.Contains("--child"))
{
    var study = Study.Load(Open(storeText), Option("--study", "bench"));
    // Warm up (connections, JIT), then start with the others, so the span measures running, not starting.
    _ = study.FailStale();
    var folder = Option("--sync", ".");
    File.WriteAllText(Path.Combine(folder, $"ready-{Environment.ProcessId}"), "");
    while (!File.Exists(Path.Combine(folder, "go")))
    {
        Thread.Sleep(10);
    }

    StudyRunner.Optimize(study, (trial, token) => Evaluate(trial.Parameters, token), int.Parse(Option("--budget", "1"), inv),
        new StudyRunnerOptions(Heartbeat: TimeSpan.FromSeconds(1)));
    return 0;
}

Console.WriteLine(string.Create(inv, $"# workers bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; store {storeText}; {seconds} s per trial; {perWorker} trials per worker"));
// trials/s is over the span from the first trial's start to the last one's end (as the store recorded them),
// and processes are started and warmed up before the clock starts, so that starting them does not count.
Console.WriteLine("| mode | workers | trials | wall s | span s | trials/s | speed-up | evaluated | distinct points |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
double? baseline = null;
foreach (var workers in Option("--workers", "1,4").Split(',').Select(w => int.Parse(w, inv)))
{
    var processes = int.Parse(Option("--processes", "0"), inv);
    foreach (var mode in processes > 0 && workers > 1 ? new[] { "threads", "processes" } : ["threads"])
    {
        var name = string.Create(inv, $"bench-{mode}-{workers}-{Guid.NewGuid():N}");
        var store = Open(storeText);
        var study = Study.CreateOrLoad(store, name, space, "random", 1, TunerOptions.FromJson("{}"));
        var budget = workers * perWorker;
        var clock = Stopwatch.StartNew();
        if (mode == "threads")
        {
            StudyRunner.Optimize(study, (trial, token) => Evaluate(trial.Parameters, token), budget,
                new StudyRunnerOptions(Workers: workers, Heartbeat: TimeSpan.FromSeconds(1)));
        }
        else
        {
            var sync = Directory.CreateTempSubdirectory("workers-bench-").FullName;
            var children = Enumerable.Range(0, workers).Select(_ => Process.Start(new ProcessStartInfo(Environment.ProcessPath!,
                ["--child", "--store", storeText, "--study", name, "--budget", budget.ToString(inv), "--seconds", seconds.ToString(inv), "--sync", sync]))!).ToList();
            while (Directory.GetFiles(sync, "ready-*").Length < workers)
            {
                Thread.Sleep(10);
            }

            clock.Restart();
            File.WriteAllText(Path.Combine(sync, "go"), "");
            children.ForEach(c => c.WaitForExit());
            Directory.Delete(sync, recursive: true);
        }

        var wall = clock.Elapsed.TotalSeconds;
        var trials = store.GetTrials(name);
        var span = (trials.Max(t => t.FinishedAt!.Value) - trials.Min(t => t.StartedAt)).TotalSeconds;
        var rate = budget / span;
        baseline ??= rate;
        var distinct = trials.Select(t => string.Join(",", t.Point)).Distinct().Count();
        Console.WriteLine(string.Create(inv,
            $"| {mode} | {workers} | {budget} | {wall:F2} | {span:F2} | {rate:F2} | {rate / baseline.Value:F2}× | {Study.Evaluated(trials)} | {distinct} |"));
        (store as IDisposable)?.Dispose();
    }
}

return 0;

TrialOutcome Evaluate(ParameterSet parameters, CancellationToken token)
{
    token.WaitHandle.WaitOne(TimeSpan.FromSeconds(seconds));
    token.ThrowIfCancellationRequested();
    return TrialOutcome.Success(Math.Pow(parameters.GetDouble("x") - 0.3, 2) + Math.Pow(parameters.GetDouble("y") - 0.7, 2));
}

static IStudyStore Open(string text) =>
    text == "memory" ? Shared.Memory
    : text.StartsWith("postgres", StringComparison.Ordinal) ? new PostgresStudyStore(text)
    : new SqliteStudyStore(text);

/// <summary>The in-memory store all thread workers of this process share.</summary>
internal static class Shared
{
    public static InMemoryStudyStore Memory { get; } = new();
}
