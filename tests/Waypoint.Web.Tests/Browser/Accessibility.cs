using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Waypoint.Web.Tests.Browser;

public static class Accessibility
{
    /// <summary>WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the public sector accessibility regulations require.</summary>
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    /// <summary>
    /// Runs axe-core on the page and returns one line per violation (empty when accessible). Call it once the page has
    /// loaded: after <c>GotoAsync</c>, or a click through <see cref="PageLoads.ClickAndWaitForLoadAsync"/>, never a plain
    /// click, which returns while the new page may still be parsing.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag22AA);
        return result.Violations
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }
}
