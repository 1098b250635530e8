using System.Globalization;

namespace Waypoint.Web.Pages.Reports.Nccis;

public sealed record Bar(string Label, decimal? Percent, string Text);

/// <summary>
/// A horizontal bar chart drawn as inline SVG on the server. Every bar carries its label and value as text, so
/// nothing depends on colour, and the SVG is an image whose title and description say what it shows.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<Bar> Bars)
{
    public const int Width = 640;
    public const int LabelWidth = 250;
    public const int BarArea = 300;
    public const int RowHeight = 30;
    public const int BarHeight = 20;

    public int Height => (Bars.Count * RowHeight) + 10;

    /// <summary>The longest bar is the largest value (at least 1%), so small rates are still readable.</summary>
    public decimal Scale => Math.Max(1m, Bars.Max(b => b.Percent) ?? 1m);

    public string Description => Title + ": " + string.Join("; ", Bars.Select(b => $"{b.Label} {b.Text}")) + ".";

    public static int Y(int index) => (index * RowHeight) + 5;

    public string BarWidth(Bar bar) => Format(bar.Percent is { } p ? Math.Max(0m, p / Scale * BarArea) : 0m);

    public string TextX(Bar bar) => Format(LabelWidth + (bar.Percent is { } p ? Math.Max(0m, p / Scale * BarArea) : 0m) + 6);

    public static string Format(decimal value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
