using System.Globalization;

namespace GanTuner.Reporting.Figures;

/// <summary>A figure's identity and the words around it: its number (issue 6's numbering), a file-name slug,
/// its title and the caption that tells the reader what to look for.</summary>
public sealed record FigureInfo(int Number, string Slug, string Title, string Caption, FigureSection Section)
{
    /// <summary>The PNG's name inside the report's figures folder, e.g. <c>04-objective.png</c>.</summary>
    public string FileName => Number.ToString("00", CultureInfo.InvariantCulture) + "-" + Slug + ".png";
}
