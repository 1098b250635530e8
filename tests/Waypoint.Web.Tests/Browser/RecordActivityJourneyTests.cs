using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waypoint.Core.Data;
using Waypoint.Core.YoungPeople;
using Xunit.Abstractions;

namespace Waypoint.Web.Tests.Browser;

[Collection("browser")]
public class RecordActivityJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task TrackingOfficer_FindsByUpnAndRecordsAnActivity_SeesItOnTheTimeline()
    {
        browser.Require();
        var person = await AYearTwelveInEducationAsync();
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        async Task CheckAccessibilityAsync() => violations.AddRange(await Accessibility.ViolationsAsync(page));

        await SignInJourneyTests.SignInAsync(page, "tracking@demo.waypoint.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Young people" }).ClickAndWaitForLoadAsync();
        await page.GetByLabel("Name, date of birth, UPN, ULN or postcode").FillAsync(person.Upn!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAndWaitForLoadAsync();
        await CheckAccessibilityAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = person.DisplayName }).ClickAndWaitForLoadAsync();
        Assert.Equal(person.Upn, (await page.Locator("#upn").TextContentAsync())?.Trim());
        await CheckAccessibilityAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a new activity" }).ClickAndWaitForLoadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAndWaitForLoadAsync();
        Assert.Contains("Choose what the young person is doing now", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync();
        await page.GetByLabel("What is the young person doing now?").SelectOptionAsync("310");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAndWaitForLoadAsync();

        await CheckAccessibilityAsync();
        var startDate = page.GetByRole(AriaRole.Group, new() { Name = "When did it start?" });
        await startDate.GetByLabel("Day").FillAsync("16");
        await startDate.GetByLabel("Month").FillAsync("11");
        await startDate.GetByLabel("Year").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAndWaitForLoadAsync();

        await CheckAccessibilityAsync();
        await page.GetByLabel("School, college or provider").SelectOptionAsync(new SelectOptionValue { Label = "Cotswold Skills Training Ltd" });
        await page.GetByLabel("How do you know?").SelectOptionAsync("Phone call with the young person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAndWaitForLoadAsync();

        await CheckAccessibilityAsync();
        Assert.Contains("310 Apprenticeship", await page.Locator("#answer-code").TextContentAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record activity" }).ClickAndWaitForLoadAsync();

        Assert.Contains("Activity recorded: 310 Apprenticeship", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.StartsWith("310 Apprenticeship", (await page.Locator("#current-activity").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        var latest = page.Locator(".app-timeline__item").First;
        Assert.Contains("Activity recorded: 310 Apprenticeship", await latest.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("at Cotswold Skills Training Ltd", await latest.TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync();
        output.WriteLine($"Recorded 310 for {person.DisplayName} ({person.Upn}); axe checked 7 pages of the journey");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await page.Context.CloseAsync();
    }

    private async Task<YoungPerson> AYearTwelveInEducationAsync()
    {
        await using var scope = browser.Factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var (earliest, latest) = AcademicAge.DateOfBirthRange(12, DateOnly.FromDateTime(browser.Factory.Clock.GetUtcNow().UtcDateTime));
        return await db.YoungPeople.AsNoTracking()
            .Where(p => p.DateOfBirth >= earliest && p.DateOfBirth <= latest && p.CurrentActivityCode == "230" && p.Upn != null)
            .OrderBy(p => p.LocalId).FirstAsync();
    }
}
