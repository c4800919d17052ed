using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Tuning;

namespace GanTuner.Studies.Compare;

/// <summary>
/// The objective part of a comparison's study names (<c>compare/&lt;tag&gt;/&lt;tuner&gt;/seed-&lt;n&gt;</c>) and its
/// default output folder. The tag is a pure function of the options a trial's value depends on, so re-running a
/// command resumes its own studies and a changed command starts others, as <c>tune</c>'s study names do:
/// <c>lstm-sp500-holdout-level</c>, plus <c>-adjclose</c>, <c>-e&lt;epochs&gt;</c>, <c>-prune-&lt;pruner&gt;</c>, <c>-space-&lt;file&gt;</c> and
/// <c>-opt&lt;digest&gt;</c> when they differ from the defaults.
/// </summary>
public static class CompareNames
{
    public static string LstmTag(CompareRequest settings)
    {
        var tag = new StringBuilder(CompareRequest.Lstm)
            .Append('-').Append(DataPart(settings))
            .Append('-').Append(settings.Protocol.Name())
            .Append('-').Append(settings.Target.Name())
            .Append(settings.Training.NamePart);
        if (settings.Source.Csv.Column == PriceColumn.AdjClose)
        {
            tag.Append("-adjclose");
        }

        if (settings.Epochs != CompareRequest.DefaultEpochs)
        {
            tag.Append("-e").Append(settings.Epochs.ToString(CultureInfo.InvariantCulture));
        }

        if (settings.Pruner != "none")
        {
            tag.Append("-prune-").Append(settings.Pruner);
        }

        if (settings.SpaceFile is not null)
        {
            tag.Append("-space-").Append(Slug(Path.GetFileNameWithoutExtension(settings.SpaceFile)));
        }

        return tag.Append(OptionsSuffix(settings.Options)).ToString();
    }

    /// <summary>"-opt" and a short digest of the tuner options, or nothing without options.</summary>
    public static string OptionsSuffix(TunerOptions options) => options.Values.Count == 0
        ? ""
        : "-opt" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(options.ToJson())))[..6];

    /// <summary><c>./gantuner-out/compare-&lt;tag&gt;/</c>.</summary>
    public static string DefaultOut(string tag) => StudyFiles.DefaultDirectory("compare-" + tag);

    private static string DataPart(CompareRequest settings) =>
        settings.Source.Symbol is { } symbol ? Slug(symbol)
        : settings.Source.DataFile is { } file ? Slug(Path.GetFileNameWithoutExtension(file))
        : "sp500";

    private static string Slug(string text)
    {
        var slug = new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-')]).Trim('-', '.');
        return slug.Length == 0 ? "data" : slug;
    }
}
