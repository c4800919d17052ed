namespace GanTuner.Reporting.Html;

/// <summary>The page's only styling, inlined: system fonts (no web font may load), a reading width that
/// suits a laptop screen, and the figures' colours for the marks the tables share with them.</summary>
internal static class Stylesheet
{
    public const string Css = """
        :root { --ink: #263238; --muted: #5f6b76; --line: #dde3e8; --blue: #1f77b4; --orange: #ff7f0e;
                --green: #2ca02c; --red: #d62728; --best: #fff1e0; --panel: #f6f8fa; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff;
               font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1080px; margin: 0 auto; padding: 24px 28px 64px; }
        header.page { border-bottom: 3px solid var(--blue); padding-bottom: 12px; margin-bottom: 20px; }
        h1 { font-size: 1.7rem; margin: 0 0 4px; }
        h2 { font-size: 1.3rem; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.05rem; margin: 22px 0 8px; }
        .subtitle { color: var(--muted); margin: 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0 0; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        nav.toc { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; margin: 18px 0; }
        nav.toc ol { margin: 4px 0; padding-left: 20px; columns: 2; column-gap: 32px; }
        nav.toc a { color: var(--blue); text-decoration: none; }
        nav.toc a:hover { text-decoration: underline; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin: 12px 0; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; background: var(--panel); }
        .card .label { color: var(--muted); font-size: 0.85rem; }
        .card .value { font-size: 1.35rem; font-weight: 600; font-variant-numeric: tabular-nums; }
        .card .detail { color: var(--muted); font-size: 0.85rem; }
        .notes { border-left: 4px solid var(--orange); background: #fff8ef; padding: 8px 14px; margin: 14px 0; }
        .notes.warning { border-left-color: var(--red); background: #fdf0f0; }
        .notes p { margin: 4px 0; }
        .verdict-good { color: var(--green); font-weight: 600; }
        .verdict-bad { color: var(--red); font-weight: 600; }
        .table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; max-height: 80vh; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 0.92rem; }
        th, td { padding: 5px 9px; text-align: right; white-space: nowrap; border-bottom: 1px solid var(--line); }
        th:first-child, td:first-child { text-align: left; }
        thead th { position: sticky; top: 0; background: #eef2f5; font-weight: 600; z-index: 1; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        tr.best td { background: var(--best); font-weight: 600; }
        tr.best td:first-child { box-shadow: inset 4px 0 0 var(--orange); }
        tr.failed td { color: var(--muted); font-style: italic; }
        .badge { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 6px; border-radius: 8px;
                 margin-left: 6px; vertical-align: 1px; }
        .badge.best { background: var(--orange); color: #fff; }
        .badge.injection { background: #fbe3e3; color: var(--red); }
        .badge.failed { background: #e8ebee; color: var(--muted); }
        td.text, th.text { text-align: left; }
        figure { margin: 18px 0 28px; }
        figure img { display: block; width: 100%; max-width: 1000px; height: auto; border: 1px solid var(--line); border-radius: 4px; }
        figcaption { color: var(--muted); margin-top: 6px; max-width: 1000px; }
        figcaption b { color: var(--ink); }
        .omitted { border: 1px dashed #c3cbd3; border-radius: 6px; padding: 14px 18px; color: var(--muted); background: var(--panel); max-width: 1000px; }
        footer { color: var(--muted); font-size: 0.85rem; margin-top: 48px; border-top: 1px solid var(--line); padding-top: 10px; }
        @media (max-width: 760px) { nav.toc ol { columns: 1; } main { padding: 16px; } }
        @media print { .table-wrap { max-height: none; overflow: visible; } }
        """;
}
