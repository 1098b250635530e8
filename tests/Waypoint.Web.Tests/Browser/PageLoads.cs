using Microsoft.Playwright;

namespace Waypoint.Web.Tests.Browser;

/// <summary>
/// Waiting for the page an action navigates to. Use this instead of calling <c>WaitForLoadStateAsync</c> after the
/// action: in Playwright for .NET 1.64 that method first checks the load states the frame has seen and only then
/// subscribes to the next one, while the driver's events are applied on the connection's reader thread. A "load" that
/// lands between the check and the subscription is missed, and the wait runs out although the page loaded. Three CI
/// runs failed that way right after a sign-in, each log showing only the "networkidle" that followed the missed load.
/// Subscribing before the action cannot miss it.
/// </summary>
internal static class PageLoads
{
    /// <summary>
    /// Clicks a link or button that opens a page and returns once that page has loaded. A plain click returns when the
    /// new page is committed, while the browser may still be parsing it: a count or text read straight after could see
    /// half a list.
    /// </summary>
    public static Task ClickAndWaitForLoadAsync(this ILocator locator) => locator.Page.RunAndWaitForLoadAsync(() => locator.ClickAsync());

    public static async Task RunAndWaitForLoadAsync(this IPage page, Func<Task> action)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await action();
            await WaitAsync(page, loaded.Task);
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    private static async Task WaitAsync(IPage page, Task loaded)
    {
        try
        {
            await loaded.WaitAsync(BrowserFixture.Timeout);
        }
        catch (TimeoutException)
        {
            string readyState;
            try
            {
                readyState = await page.EvaluateAsync<string>("document.readyState");
            }
            catch (PlaywrightException ex)
            {
                readyState = $"unreadable ({ex.Message})";
            }

            throw new TimeoutException($"No page finished loading within {BrowserFixture.Timeout.TotalSeconds:0} s of the action; the browser is at {page.Url}, document {readyState}.");
        }
    }
}
