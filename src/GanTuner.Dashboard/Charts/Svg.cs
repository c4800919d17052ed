using System.Globalization;
using System.Net;
using System.Text;

namespace GanTuner.Dashboard.Charts;

/// <summary>A tiny SVG writer: numbers in invariant culture with two decimals, text always escaped, colours
/// as presentation attributes (the page's content security policy forbids inline styles).</summary>
internal sealed class Svg
{
    private readonly StringBuilder _text = new();

    public Svg(double width, double height, string label)
    {
        Width = width;
        Height = height;
        _text.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-label=\"{Escape(label)}\" font-family=\"sans-serif\" font-size=\"11\">");
    }

    public double Width { get; }

    public double Height { get; }

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public Svg Rect(double x, double y, double width, double height, string fill, double opacity = 1, string? title = null)
    {
        _text.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" fill=\"{fill}\" fill-opacity=\"{N(opacity)}\"");
        return Close("rect", title);
    }

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _text.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
        if (dash is not null)
        {
            _text.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\"");
        }

        _text.Append("/>");
        return this;
    }

    public Svg Circle(double x, double y, double radius, string fill, double opacity = 1, string? title = null, string? cssClass = null)
    {
        _text.Append(CultureInfo.InvariantCulture,
            $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(radius)}\" fill=\"{fill}\" fill-opacity=\"{N(opacity)}\"");
        if (cssClass is not null)
        {
            _text.Append(CultureInfo.InvariantCulture, $" class=\"{cssClass}\"");
        }

        return Close("circle", title);
    }

    public Svg Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 1.5, double opacity = 1, string? title = null)
    {
        _text.Append("<polyline fill=\"none\" points=\"");
        foreach (var (x, y) in points)
        {
            _text.Append(N(x)).Append(',').Append(N(y)).Append(' ');
        }

        _text.Append(CultureInfo.InvariantCulture, $"\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" stroke-opacity=\"{N(opacity)}\"");
        return Close("polyline", title);
    }

    public Svg Text(double x, double y, string text, string anchor = "start", string fill = "#333", bool bold = false, double? rotate = null)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"");
        if (bold)
        {
            _text.Append(" font-weight=\"bold\"");
        }

        if (rotate is { } angle)
        {
            _text.Append(CultureInfo.InvariantCulture, $" transform=\"rotate({N(angle)} {N(x)} {N(y)})\"");
        }

        _text.Append('>').Append(Escape(text)).Append("</text>");
        return this;
    }

    public override string ToString() => _text + "</svg>";

    private Svg Close(string element, string? title)
    {
        if (title is null)
        {
            _text.Append("/>");
        }
        else
        {
            _text.Append("><title>").Append(Escape(title)).Append("</title></").Append(element).Append('>');
        }

        return this;
    }
}
