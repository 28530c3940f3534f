using System.Globalization;
using System.Net;
using System.Text;

namespace Hub.LoadTests.Reports;

/// <summary>Small inline SVG charts for the HTML report: lines over time and horizontal bars.</summary>
public static class SvgChart
{
    public sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points);

    private const int Width = 760;
    private const int Height = 260;
    private const int Left = 60;
    private const int Right = 180;
    private const int Top = 28;
    private const int Bottom = 36;

    private static readonly string[] Colours =
        ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<Series> series)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        var svg = Open(title, Height);
        if (points.Count == 0)
        {
            svg.Append($"<text x=\"{Left}\" y=\"{Height / 2}\">no data</text></svg>");
            return svg.ToString();
        }
        var maxX = Math.Max(points.Max(p => p.X), 1e-9);
        var maxY = Nice(points.Max(p => p.Y));
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Px(double x) => Left + x / maxX * plotW;
        double Py(double y) => Top + plotH - y / maxY * plotH;
        Axes(svg, plotW, plotH, maxX, maxY, xLabel, yLabel);
        for (var i = 0; i < series.Count; i++)
        {
            var colour = Colours[i % Colours.Length];
            var path = string.Join(' ', series[i].Points.OrderBy(p => p.X).Select(p => $"{N(Px(p.X))},{N(Py(p.Y))}"));
            svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{path}\"/>");
            foreach (var p in series[i].Points)
            {
                svg.Append($"<circle cx=\"{N(Px(p.X))}\" cy=\"{N(Py(p.Y))}\" r=\"2.5\" fill=\"{colour}\"><title>{E(series[i].Name)}: {N(p.Y)} at {N(p.X)} s</title></circle>");
            }
            Legend(svg, i, colour, series[i].Name);
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string Bars(string title, IReadOnlyList<(string Label, double Value)> bars)
    {
        const int barHeight = 22;
        var height = Top + Bottom + Math.Max(1, bars.Count) * barHeight;
        var svg = Open(title, height);
        if (bars.Count == 0)
        {
            svg.Append($"<text x=\"{Left}\" y=\"{Top + 20}\">no errors</text></svg>");
            return svg.ToString();
        }
        var max = Math.Max(bars.Max(b => b.Value), 1e-9);
        const int labelWidth = 300;
        var plotW = Width - labelWidth - 80;
        for (var i = 0; i < bars.Count; i++)
        {
            var y = Top + i * barHeight;
            var w = bars[i].Value / max * plotW;
            svg.Append($"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{E(bars[i].Label)}</text>");
            svg.Append($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{N(w)}\" height=\"{barHeight - 6}\" fill=\"{Colours[1]}\"/>");
            svg.Append($"<text x=\"{N(labelWidth + w + 6)}\" y=\"{y + 15}\">{N(bars[i].Value)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static StringBuilder Open(string title, int height) =>
        new StringBuilder()
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">")
            .Append($"<text x=\"{Left}\" y=\"16\" font-weight=\"bold\" font-size=\"14\">{E(title)}</text>");

    private static void Axes(StringBuilder svg, int plotW, int plotH, double maxX, double maxY, string xLabel, string yLabel)
    {
        for (var i = 0; i <= 4; i++)
        {
            var y = Top + plotH - i * plotH / 4.0;
            svg.Append($"<line x1=\"{Left}\" y1=\"{N(y)}\" x2=\"{Left + plotW}\" y2=\"{N(y)}\" stroke=\"#ddd\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{N(maxY * i / 4)}</text>");
            var x = Left + i * plotW / 4.0;
            svg.Append($"<text x=\"{N(x)}\" y=\"{Top + plotH + 16}\" text-anchor=\"middle\">{N(maxX * i / 4)}</text>");
        }
        svg.Append($"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Left + plotW}\" y2=\"{Top + plotH}\" stroke=\"#333\"/>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\" stroke=\"#333\"/>");
        svg.Append($"<text x=\"{Left + plotW / 2}\" y=\"{Top + plotH + 32}\" text-anchor=\"middle\">{E(xLabel)}</text>");
        svg.Append($"<text x=\"14\" y=\"{Top + plotH / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {Top + plotH / 2})\">{E(yLabel)}</text>");
    }

    private static void Legend(StringBuilder svg, int index, string colour, string name)
    {
        var y = Top + 6 + index * 18;
        var x = Width - Right + 12;
        svg.Append($"<rect x=\"{x}\" y=\"{y - 9}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>");
        svg.Append($"<text x=\"{x + 18}\" y=\"{y + 1}\">{E(name)}</text>");
    }

    /// <summary>Rounds the top of the scale up to 1, 2 or 5 times a power of ten.</summary>
    private static double Nice(double max)
    {
        if (max <= 0)
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(v => v >= max);
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
