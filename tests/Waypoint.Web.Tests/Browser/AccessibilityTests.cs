using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Waypoint.Web.Tests.Browser;

/// <summary>axe-core over every page built so far, signed out and as each role, including pages showing form errors.</summary>
[Collection("browser")]
public class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task EveryPage_HasNoWcag22AAViolations()
    {
        var violations = new List<string>();
        var checkedPages = new List<string>();
        async Task CheckAsync(IPage page, string path, Func<IPage, Task>? act = null)
        {
            await page.GotoAsync(path);
            if (act is not null)
            {
                await page.RunAndWaitForLoadAsync(() => act(page));
            }

            checkedPages.Add(new Uri(page.Url).PathAndQuery + (act is null ? "" : " (after form)"));
            violations.AddRange(await Accessibility.ViolationsAsync(page));
        }

        var anonymous = await browser.NewPageAsync();
        await CheckAsync(anonymous, "/account/sign-in");
        await CheckAsync(anonymous, "/account/sign-in", p => p.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync());
        await CheckAsync(anonymous, "/account/forgot-password");
        await CheckAsync(anonymous, "/account/forgot-password", p => p.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync());
        await CheckAsync(anonymous, "/account/forgot-password", p => p.GetByLabel("Email address").FillAsync("nobody@demo.waypoint.test")
            .ContinueWith(_ => p.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync()).Unwrap());
        await CheckAsync(anonymous, "/account/reset-password?user=00000000-0000-0000-0000-000000000001&token=x");
        await CheckAsync(anonymous, "/account/reset-password?user=00000000-0000-0000-0000-000000000001&token=x",
            p => p.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync());
        await CheckAsync(anonymous, "/cookies");
        await CheckAsync(anonymous, "/privacy");
        await CheckAsync(anonymous, "/accessibility");
        await CheckAsync(anonymous, "/errors/403");
        await CheckAsync(anonymous, "/errors/500");
        await CheckAsync(anonymous, "/account/sign-out");
        await anonymous.Context.CloseAsync();

        var admin = await SignedInAsync("la.admin@demo.waypoint.test");
        await CheckAsync(admin, "/admin");
        await CheckAsync(admin, "/admin/users");
        await CheckAsync(admin, "/admin/users", p => p.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync());
        await CheckAsync(admin, "/admin/audit");
        await CheckAsync(admin, "/admin/audit?From=99/99/2026");
        await CheckAsync(admin, "/account");
        await CheckAsync(admin, "/account/two-factor/set-up");
        await admin.GotoAsync("/young-people?q=a");
        var someone = await admin.Locator("table a").First.GetAttributeAsync("href");
        await CheckAsync(admin, someone + "/subject-access");
        await CheckAsync(admin, "/no-such-page");
        await admin.Context.CloseAsync();

        var tracking = await SignedInAsync("tracking@demo.waypoint.test");
        await CheckAsync(tracking, "/tracking");
        await CheckAsync(tracking, "/young-people");
        await CheckAsync(tracking, "/young-people?q=a");
        var firstPerson = await tracking.Locator("table a").First.GetAttributeAsync("href");
        await CheckAsync(tracking, firstPerson!);
        await CheckAsync(tracking, firstPerson + "/edit");
        await CheckAsync(tracking, firstPerson + "/edit", p => p.GetByLabel("Given name (legal)").FillAsync("").ContinueWith(_ => p.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync()).Unwrap());
        await CheckAsync(tracking, firstPerson + "/cohort-status");
        await CheckAsync(tracking, firstPerson + "/cohort-status", p => p.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync());
        await CheckAsync(tracking, firstPerson + "/guarantee");
        foreach (var list in new[] { "not-known", "due-to-lapse", "neet", "review-due", "no-intended-destination", "no-guarantee-offer" })
        {
            await CheckAsync(tracking, $"/tracking/lists/{list}");
        }

        await CheckAsync(tracking, "/tracking/lists/neet?year=12&district=OX4");
        await CheckAsync(tracking, "/tracking/verify/not-known?i=0");
        await CheckAsync(tracking, "/tracking/transfer-in");
        await CheckAsync(tracking, "/tracking/transfer-in", p => p.GetByRole(AriaRole.Button, new() { Name = "Upload and take in" }).ClickAsync());
        await CheckAsync(tracking, "/nccis");
        await CheckAsync(tracking, "/nccis", p => p.GetByRole(AriaRole.Button, new() { Name = "Create and check the return" }).ClickAsync());
        var returnReport = new Uri(tracking.Url).AbsolutePath;
        Assert.StartsWith("/nccis/returns/", returnReport, StringComparison.Ordinal);
        await CheckAsync(tracking, returnReport + "?code=240");
        await CheckAsync(tracking, "/nccis/returns");
        await CheckAsync(tracking, "/nccis/validate");
        await CheckAsync(tracking, "/nccis/validate", p => p.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync());
        await CheckAsync(tracking, "/nccis/validate", async p =>
        {
            await p.GetByLabel("NCCIS XML file").SetInputFilesAsync(new FilePayload { Name = "other.xml", MimeType = "text/xml", Buffer = System.Text.Encoding.UTF8.GetBytes("<NCCIS><FileHeader></NCCIS>") });
            await p.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        });
        await CheckAsync(tracking, "/reports/nccis");
        await CheckAsync(tracking, "/reports/nccis?month=" + NccisMonth(-12));
        await CheckAsync(tracking, "/imports");
        await CheckAsync(tracking, "/imports/new");
        await CheckAsync(tracking, "/imports/new", p => p.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync());
        await CheckAsync(tracking, "/imports/new", async p =>
        {
            await p.GetByLabel("School roll (CSV)").CheckAsync();
            await p.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload
            {
                Name = "roll.csv",
                MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes("Forename,Surname,DOB,Sex\nAxe,Checked,2010-05-06,F\nBad,Row,2010-02-30,F\n"),
            });
            await p.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        });
        await CheckAsync(tracking, "/imports/reviews");
        await CheckAsync(tracking, "/imports/duplicates?search=true");
        await tracking.Context.CloseAsync();

        foreach (var (email, path) in new[]
        {
            ("adviser@demo.waypoint.test", "/adviser"),
            ("careers.leader@demo.waypoint.test", "/school"),
            ("provider@demo.waypoint.test", "/school"),
            ("young.person@demo.waypoint.test", "/me"),
            ("parent@demo.waypoint.test", "/family"),
        })
        {
            var page = await SignedInAsync(email);
            await CheckAsync(page, path);
            await page.Context.CloseAsync();
        }

        output.WriteLine($"axe checked {checkedPages.Count} pages:");
        checkedPages.ForEach(output.WriteLine);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>A month end the demo seed snapshotted: <paramref name="monthsBack"/> months before the one before today.</summary>
    private static string NccisMonth(int monthsBack)
    {
        var today = DateOnly.FromDateTime(Waypoint.TestCommon.TestClock.Now.UtcDateTime);
        var lastMonthEnd = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var month = new DateOnly(lastMonthEnd.Year, lastMonthEnd.Month, 1).AddMonths(monthsBack + 1).AddDays(-1);
        return month.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, email);
        return page;
    }
}
