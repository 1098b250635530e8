using Microsoft.Playwright;
using Waypoint.Core.Demo;
using Waypoint.Core.Users;
using Waypoint.Web.Infrastructure;
using Xunit.Abstractions;

namespace Waypoint.Web.Tests.Browser;

[Collection("browser")]
public class SignInJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    public static TheoryData<string> DemoAccounts => new(DemoSeeder.Accounts.Select(a => a.Email));

    [SkippableTheory]
    [MemberData(nameof(DemoAccounts))]
    public async Task DemoUser_SignsIn_ReachesTheirRoleHomePage(string email)
    {
        var page = await browser.NewPageAsync();
        var account = DemoSeeder.Accounts.Single(a => a.Email == email);

        await SignInAsync(page, email);

        Assert.EndsWith(RoleNavigation.HomePath(account.Role), new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var heading = await page.Locator("h1").First.TextContentAsync();
        output.WriteLine($"{account.Role}: {page.Url} \"{heading}\"");
        Assert.False(string.IsNullOrWhiteSpace(heading));
        Assert.Contains($"({account.Role.DisplayName()})", await page.Locator(".govuk-phase-banner").TextContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task SignIn_WithJavaScriptOff_StillWorks()
    {
        var page = await browser.NewPageAsync(javaScript: false);

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("wrong@demo.waypoint.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        var error = await page.Locator(".govuk-error-summary").TextContentAsync();
        await SignInAsync(page, "tracking@demo.waypoint.test");

        Assert.Contains("Enter a correct email address and password", error, StringComparison.Ordinal);
        Assert.EndsWith("/tracking", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    internal static async Task SignInAsync(IPage page, string email)
    {
        var response = await page.GotoAsync("/account/sign-in");
        if (await page.GetByLabel("Email address").CountAsync() == 0)
        {
            throw new InvalidOperationException($"No sign-in form for {email}: {response?.Status} {page.Url} {await page.Locator("main").TextContentAsync()}");
        }

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoSeeder.DemoPassword);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        page.Request += (_, r) => log.Enqueue($"{started.ElapsedMilliseconds} ms request {r.Method} {r.Url}");
        page.RequestFinished += (_, r) => log.Enqueue($"{started.ElapsedMilliseconds} ms finished {r.Url}");
        page.RequestFailed += (_, r) => log.Enqueue($"{started.ElapsedMilliseconds} ms failed {r.Url} {r.Failure}");
        page.Response += (_, r) => log.Enqueue($"{started.ElapsedMilliseconds} ms response {r.Status} {r.Url}");
        page.Load += (_, _) => log.Enqueue($"{started.ElapsedMilliseconds} ms load {page.Url}");
        page.DOMContentLoaded += (_, _) => log.Enqueue($"{started.ElapsedMilliseconds} ms domcontentloaded {page.Url}");
        page.FrameNavigated += (_, f) => log.Enqueue($"{started.ElapsedMilliseconds} ms navigated {f.Url}");
        page.Crash += (_, _) => log.Enqueue($"{started.ElapsedMilliseconds} ms CRASH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        log.Enqueue($"{started.ElapsedMilliseconds} ms click returned");
        try
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
        catch (TimeoutException ex)
        {
            var state = await page.EvaluateAsync<string>("document.readyState + ' ' + location.href + ' ' + document.body.innerHTML.length");
            var threads = $"thread pool: {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued";
            throw new TimeoutException($"{ex.Message}\n{state}\n{threads}\n{string.Join("\n", log)}", ex);
        }
    }
}
