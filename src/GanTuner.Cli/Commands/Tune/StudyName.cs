using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GanTuner.Data;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>
/// The study name <c>tune</c> uses when none is given: tuner, protocol, target, seed and data, as in
/// <c>gan-holdout-level-window-es-seed0-sp500</c>. It is a pure function of the options, so running the same command
/// again resumes the same study; options that change what a trial measures (epochs, the search space, the
/// price column, tuner settings) add a suffix only when they differ from the defaults, so a changed command
/// starts its own study rather than colliding with the stored one.
/// </summary>
internal static class StudyName
{
    public static string For(TuneSettings settings)
    {
        var tuner = settings.Tuner
            + (settings.GanNoInjection ? "-no-injection" : "")
            + (settings.GanNoFeedback ? "-no-feedback" : "")
            + (settings.GanNoDiversity ? "-no-diversity" : "");
        var name = new StringBuilder()
            .Append(tuner).Append('-').Append(settings.Protocol.Trim().ToLowerInvariant())
            .Append('-').Append(settings.Target.Trim().ToLowerInvariant())
            .Append(settings.TrainingNamePart)
            .Append("-seed").Append(settings.Seed.ToString(CultureInfo.InvariantCulture))
            .Append('-').Append(DataPart(settings));
        if (settings.ColumnValue == PriceColumn.AdjClose)
        {
            name.Append("-adjclose");
        }

        if (settings.Epochs != TuneSettings.DefaultEpochs)
        {
            name.Append("-e").Append(settings.Epochs.ToString(CultureInfo.InvariantCulture));
        }

        if (settings.Space is not null)
        {
            name.Append("-space-").Append(Slug(Path.GetFileNameWithoutExtension(settings.Space)));
        }

        if (settings.Options.Length > 0)
        {
            // The settings themselves would make an unwieldy name; a short digest keeps it stable and distinct.
            var digest = SHA256.HashData(Encoding.UTF8.GetBytes(settings.TunerOptions.ToJson()));
            name.Append("-opt").Append(Convert.ToHexStringLower(digest)[..6]);
        }

        return name.ToString();
    }

    /// <summary>Whether a name can be a folder under <c>gantuner-out/</c> on every platform.</summary>
    public static bool IsUsable(string name) =>
        !string.IsNullOrWhiteSpace(name) && name is not ("." or "..")
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '=' or '^');

    private static string DataPart(TuneSettings settings) =>
        settings.Symbol is not null ? Slug(settings.Symbol)
        : settings.DataFile is not null ? Slug(Path.GetFileNameWithoutExtension(settings.DataFile))
        : "sp500";

    private static string Slug(string text)
    {
        var slug = new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-')]).Trim('-', '.');
        return slug.Length == 0 ? "data" : slug;
    }
}
