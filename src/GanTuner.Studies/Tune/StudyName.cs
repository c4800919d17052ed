using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GanTuner.Data;
using GanTuner.Data.Protocols;

namespace GanTuner.Studies.Tune;

/// <summary>
/// The study name <c>tune</c> uses when none is given: tuner, protocol, target, seed and data, as in
/// <c>gan-holdout-level-seed0-sp500</c>. It is a pure function of the options, so running the same command
/// again resumes the same study; options that change what a trial measures (epochs, the search space, the
/// price column, tuner settings) add a suffix only when they differ from the defaults, so a changed command
/// starts its own study rather than colliding with the stored one.
/// </summary>
public static class StudyName
{
    public static string For(TuneRequest settings)
    {
        var tuner = settings.Tuner
            + (settings.GanNoInjection ? "-no-injection" : "")
            + (settings.GanNoFeedback ? "-no-feedback" : "")
            + (settings.GanNoDiversity ? "-no-diversity" : "");
        var name = new StringBuilder()
            .Append(tuner).Append('-').Append(settings.Protocol.Name())
            .Append('-').Append(settings.Target.Name())
            .Append(settings.Training.NamePart)
            .Append("-seed").Append(settings.Seed.ToString(CultureInfo.InvariantCulture))
            .Append('-').Append(DataPart(settings));
        if (settings.Source.Csv.Column == PriceColumn.AdjClose)
        {
            name.Append("-adjclose");
        }

        if (settings.Epochs != TuneRequest.DefaultEpochs)
        {
            name.Append("-e").Append(settings.Epochs.ToString(CultureInfo.InvariantCulture));
        }

        if (settings.SpaceFile is not null)
        {
            name.Append("-space-").Append(Slug(Path.GetFileNameWithoutExtension(settings.SpaceFile)));
        }

        if (settings.Options.Values.Count > 0)
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

    private static string DataPart(TuneRequest settings) =>
        settings.Source.Symbol is { } symbol ? Slug(symbol)
        : settings.Source.DataFile is { } file ? Slug(Path.GetFileNameWithoutExtension(file))
        : "sp500";

    private static string Slug(string text)
    {
        var slug = new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-')]).Trim('-', '.');
        return slug.Length == 0 ? "data" : slug;
    }
}
