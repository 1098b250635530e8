using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waypoint.Core.Data;
using Waypoint.Core.Tasks;
using Waypoint.Core.YoungPeople;
using Xunit.Abstractions;

namespace Waypoint.Web.Tests.Browser;

[Collection("browser")]
public class CaseworkJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Action = "Book a visit to the construction open day at Oxford College";

    [SkippableFact]
    public async Task Adviser_OpensMyDayRecordsAContactWithAnActionAndPrintsThePlan_YoungPersonSeesIt()
    {
        browser.Require();
        var person = await DemoYoungPersonDueTodayAsync();
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        var checkedPages = new List<string>();
        async Task CheckAccessibilityAsync(IPage p)
        {
            violations.AddRange(await Accessibility.ViolationsAsync(p));
            checkedPages.Add(new Uri(p.Url).PathAndQuery);
        }

        // My day
        await SignInJourneyTests.SignInAsync(page, "adviser@demo.waypoint.test");
        Assert.EndsWith("/adviser", page.Url, StringComparison.Ordinal);
        Assert.Equal("My day", (await page.Locator("h1").TextContentAsync())?.Trim());
        await CheckAccessibilityAsync(page);
        await page.Locator("#due-today-tasks").GetByRole(AriaRole.Link, new() { Name = person.DisplayName }).First.ClickAndWaitForLoadAsync();
        await CheckAccessibilityAsync(page);

        // Record a contact with an action, after a failed first try
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a contact" }).ClickAndWaitForLoadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAndWaitForLoadAsync();
        Assert.Contains("Choose the kind of contact", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync(page);
        await page.GetByLabel("What kind of contact was it?").SelectOptionAsync(new SelectOptionValue { Label = "Guidance interview" });
        await page.GetByLabel("How were you in touch?").SelectOptionAsync(new SelectOptionValue { Label = "Face to face" });
        await page.GetByLabel("How long did it take, in minutes? (optional)").FillAsync("40");
        await page.GetByLabel("Note (optional)").FillAsync("Mentioned an anxiety diagnosis; GP is involved.");
        await page.GetByLabel("Yes: health").CheckAsync();
        await page.GetByLabel("What needs to be done?").FillAsync(Action);
        var due = page.GetByRole(AriaRole.Group, new() { Name = "By when? (optional)" });
        await due.GetByLabel("Day").FillAsync("4");
        await due.GetByLabel("Month").FillAsync("12");
        await due.GetByLabel("Year").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAndWaitForLoadAsync();

        Assert.Contains("Contact and action recorded", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(Action, await page.Locator("#actions").TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("anxiety", await page.Locator("#contact-list").TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync(page);
        await page.Locator(".app-masked-note a").First.ClickAndWaitForLoadAsync();
        Assert.Contains("anxiety", await page.Locator("#sensitive-note").TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync(page);
        await page.GoBackAsync();

        // Print the plan: only the plan goes to paper
        await page.GetByRole(AriaRole.Link, new() { Name = "Printable action plan" }).ClickAndWaitForLoadAsync();
        await CheckAccessibilityAsync(page);
        Assert.Contains(Action, await page.Locator("#plan-open").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Do it by Friday 4 December 2026", await page.Locator("#plan-open").TextContentAsync(), StringComparison.Ordinal);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".govuk-service-navigation").IsVisibleAsync());
        Assert.True(await page.Locator("#action-plan-printable").IsVisibleAsync());
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The issue's other pages
        foreach (var path in new[] { $"/young-people/{person.Id}/casework/referral", $"/young-people/{person.Id}/casework/activity-record", $"/young-people/{person.Id}/casework/transfer-summary", "/adviser/caseload?team=true", "/adviser/register" })
        {
            await page.GotoAsync(path);
            await CheckAccessibilityAsync(page);
        }

        await page.GotoAsync($"/young-people/{person.Id}/casework/referral");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save referral" }).ClickAndWaitForLoadAsync();
        await CheckAccessibilityAsync(page);
        await page.Context.CloseAsync();

        // The young person sees the action on their own pages
        var youngPerson = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(youngPerson, "young.person@demo.waypoint.test");
        Assert.Contains(Action, await youngPerson.Locator("#my-actions").TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync(youngPerson);
        await youngPerson.GetByRole(AriaRole.Link, new() { Name = "See and print your action plan" }).ClickAndWaitForLoadAsync();
        await CheckAccessibilityAsync(youngPerson);
        Assert.DoesNotContain("anxiety", await youngPerson.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await youngPerson.Context.CloseAsync();

        output.WriteLine($"axe checked {checkedPages.Count} pages: {string.Join(", ", checkedPages)}");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>The demo young person's record, on the demo adviser's caseload with a follow-up due today.</summary>
    private async Task<YoungPerson> DemoYoungPersonDueTodayAsync()
    {
        await using var scope = browser.Factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var adviser = await db.Users.SingleAsync(u => u.NormalizedEmail == "ADVISER@DEMO.WAYPOINT.TEST");
        var account = await db.Users.SingleAsync(u => u.NormalizedEmail == "YOUNG.PERSON@DEMO.WAYPOINT.TEST");
        var person = await db.YoungPeople.SingleAsync(p => p.Id == account.YoungPersonId);
        person.AdviserUserId = adviser.Id;
        db.FollowUpTasks.Add(new FollowUpTask
        {
            YoungPersonId = person.Id,
            AssignedToUserId = adviser.Id,
            Kind = FollowUpKind.Manual,
            Title = "Check in after the careers fair",
            DueOn = DateOnly.FromDateTime(browser.Factory.Clock.GetUtcNow().UtcDateTime),
            CreatedAt = browser.Factory.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        return person;
    }
}
