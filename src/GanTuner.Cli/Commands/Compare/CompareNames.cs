using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GanTuner.Data;
using GanTuner.Reporting.Building;
using GanTuner.Tuning;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>
/// The objective part of a comparison's study names (<c>compare/&lt;tag&gt;/&lt;tuner&gt;/seed-&lt;n&gt;</c>) and its
/// default output folder. The tag is a pure function of the options a trial's value depends on, so re-running a
/// command resumes its own studies and a changed command starts others, as <c>tune</c>'s study names do:
/// <c>lstm-sp500-holdout-level-window-es</c>, plus <c>-adjclose</c>, <c>-e&lt;epochs&gt;</c>, <c>-space-&lt;file&gt;</c> and
/// <c>-opt&lt;digest&gt;</c> when they differ from the defaults.
/// </summary>
internal static class CompareNames
{
    public static string LstmTag(CompareSettings settings)
    {
        var tag = new StringBuilder(CompareSettings.Lstm)
            .Append('-').Append(DataPart(settings))
            .Append('-').Append(settings.Protocol.Trim().ToLowerInvariant())
            .Append('-').Append(settings.Target.Trim().ToLowerInvariant())
            .Append(settings.TrainingNamePart);
        if (settings.ColumnValue == PriceColumn.AdjClose)
        {
            tag.Append("-adjclose");
        }

        if (settings.EpochsValue != CompareSettings.DefaultEpochs)
        {
            tag.Append("-e").Append(settings.EpochsValue.ToString(CultureInfo.InvariantCulture));
        }

        if (settings.Space is not null)
        {
            tag.Append("-space-").Append(Slug(Path.GetFileNameWithoutExtension(settings.Space)));
        }

        return tag.Append(OptionsSuffix(settings.TunerOptions)).ToString();
    }

    /// <summary>"-opt" and a short digest of the tuner options, or nothing without options.</summary>
    public static string OptionsSuffix(TunerOptions options) => options.Values.Count == 0
        ? ""
        : "-opt" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(options.ToJson())))[..6];

    /// <summary><c>./gantuner-out/compare-&lt;tag&gt;/</c>.</summary>
    public static string DefaultOut(string tag) => StudyFiles.DefaultDirectory("compare-" + tag);

    private static string DataPart(CompareSettings settings) =>
        settings.Symbol is not null ? Slug(settings.Symbol)
        : settings.DataFile is not null ? Slug(Path.GetFileNameWithoutExtension(settings.DataFile))
        : "sp500";

    private static string Slug(string text)
    {
        var slug = new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-')]).Trim('-', '.');
        return slug.Length == 0 ? "data" : slug;
    }
}
