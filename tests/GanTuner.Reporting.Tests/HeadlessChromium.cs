using System.Diagnostics;

namespace GanTuner.Reporting.Tests;

/// <summary>Opens a page in Debian's headless Chromium (scripts/test.sh installs it) with a fresh profile and
/// every background request switched off, and returns the DOM after load and the browser's log.</summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    public static (string Dom, string Log) DumpDom(string htmlFile)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: apt-get install -y chromium (scripts/test.sh does)");
        var profile = Directory.CreateTempSubdirectory("gantuner-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var flag in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.FullName, "--enable-logging=stderr", "--v=0", "--dump-dom",
                new Uri(htmlFile).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(flag);
            }

            using var browser = Process.Start(start)!;
            var dom = browser.StandardOutput.ReadToEndAsync();
            var log = browser.StandardError.ReadToEndAsync();
            if (!browser.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                browser.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish within 30 s");
            }

            return (dom.Result, log.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
