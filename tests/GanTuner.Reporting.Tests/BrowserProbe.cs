using System.Text.RegularExpressions;

namespace GanTuner.Reporting.Tests;

/// <summary>A test copy of a report page with a probe script: after load it writes into the DOM how many
/// images the page has, how many decoded (naturalWidth &gt; 0), and every error, console error and
/// Content-Security-Policy violation it saw. The page's own policy is kept; only inline script is allowed.</summary>
internal static partial class BrowserProbe
{
    private const string Script = """
        <script>
        var probeErrors = [];
        window.addEventListener('error', function (e) { probeErrors.push('error:' + (e.message || (e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 60) : 'resource'))); }, true);
        document.addEventListener('securitypolicyviolation', function (e) { probeErrors.push('csp:' + e.blockedURI); });
        ['error', 'warn'].forEach(function (level) { var original = console[level]; console[level] = function () { probeErrors.push('console.' + level + ':' + [].join.call(arguments, ' ')); original.apply(console, arguments); }; });
        window.addEventListener('load', function () {
          var images = [].slice.call(document.images);
          var decoded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
          var out = document.createElement('pre');
          out.id = 'probe';
          out.textContent = 'images=' + images.length + ';decoded=' + decoded + ';errors=' + probeErrors.join(' | ') + ';end';
          document.body.appendChild(out);
        });
        </script>
        """;

    public static string Instrument(string page)
    {
        var policy = PolicyMeta().Match(page);
        Assert.True(policy.Success, "the page has no Content-Security-Policy meta tag");
        var allowing = policy.Value.Replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';", StringComparison.Ordinal);
        return page.Replace(policy.Value, allowing + "\n" + Script, StringComparison.Ordinal);
    }

    /// <summary>Opens an instrumented copy of <paramref name="page"/> (written to <paramref name="copyPath"/>)
    /// in headless Chromium and reads what the probe saw, with the browser's log.</summary>
    public static (int Images, int Decoded, string Errors, string Log) Open(string page, string copyPath)
    {
        File.WriteAllText(copyPath, Instrument(page));
        var (dom, log) = HeadlessChromium.DumpDom(copyPath);
        var (images, decoded, errors) = Read(dom);
        return (images, decoded, errors, log);
    }

    public static (int Images, int Decoded, string Errors) Read(string dom)
    {
        var match = ProbeOutput().Match(dom);
        Assert.True(match.Success, "the probe wrote nothing: the page did not finish loading");
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups[3].Value);
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\"[^>]*>")]
    private static partial Regex PolicyMeta();

    [GeneratedRegex("<pre id=\"probe\">images=([0-9]+);decoded=([0-9]+);errors=(.*?);end</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeOutput();
}
