using System.Net;
using System.Text;

namespace GanTuner.Reporting.Html;

/// <summary>A small HTML writer: every text goes through <see cref="Text"/>, so a study name or a note can
/// never inject markup (or a request) into the page.</summary>
internal sealed class Markup
{
    private readonly StringBuilder html = new();

    public Markup Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public Markup Text(string text)
    {
        html.Append(WebUtility.HtmlEncode(text));
        return this;
    }

    public Markup Element(string tag, string text, string? cssClass = null)
    {
        Open(tag, cssClass);
        Text(text);
        return Close(tag);
    }

    public Markup Open(string tag, string? cssClass = null, string? id = null)
    {
        html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            html.Append(" class=\"").Append(WebUtility.HtmlEncode(cssClass)).Append('"');
        }

        if (id is not null)
        {
            html.Append(" id=\"").Append(WebUtility.HtmlEncode(id)).Append('"');
        }

        html.Append('>');
        return this;
    }

    public Markup Close(string tag)
    {
        html.Append("</").Append(tag).Append(">\n");
        return this;
    }

    public override string ToString() => html.ToString();
}
