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
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAndWaitForLoadAsync();
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
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAndWaitForLoadAsync();
    }
}
