using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Waypoint.Web.Tests.Browser;

[Collection("browser")]
public class ApplyForCourseJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task YearElevenPupil_SearchesAndApplies_SeesTheApplicationStatus()
    {
        browser.Require();
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        async Task CheckAccessibilityAsync() => violations.AddRange(await Accessibility.ViolationsAsync(page));

        // The demo young person is a Year 11 pupil; the demo prospectus has the area's courses.
        await SignInJourneyTests.SignInAsync(page, "young.person@demo.waypoint.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Find a course" }).ClickAndWaitForLoadAsync();
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("enginering");
        await page.GetByLabel("Postcode").FillAsync("OX1 1AA");
        await page.GetByLabel("Sort by").SelectOptionAsync("distance");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAndWaitForLoadAsync();
        await CheckAccessibilityAsync();
        var firstResult = page.Locator("#results h3 a").First;
        var title = (await firstResult.TextContentAsync())!.Trim();
        Assert.Contains("Engineer", title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("miles away", await page.Locator("#results li").First.TextContentAsync(), StringComparison.Ordinal);

        await firstResult.ClickAndWaitForLoadAsync();
        Assert.Equal(title, (await page.Locator("h1").TextContentAsync())?.Trim());
        await CheckAccessibilityAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Apply for this course" }).ClickAndWaitForLoadAsync();
        await CheckAccessibilityAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAndWaitForLoadAsync();
        Assert.Contains("Enter your personal statement", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync();
        await page.GetByLabel("Your personal statement").FillAsync("I have built a go-kart with my uncle and I want to become an engineer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAndWaitForLoadAsync();

        Assert.Contains($"Application sent: {title}", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Submitted", (await page.Locator("#status").TextContentAsync())?.Trim());
        await CheckAccessibilityAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Your applications" }).First.ClickAndWaitForLoadAsync();
        var row = page.Locator("#applications tbody tr", new() { HasText = title });
        Assert.Contains("Submitted", await row.TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync();

        await page.GotoAsync("/courses?q=a+level&level=3&type=ALevel");
        await CheckAccessibilityAsync();
        var compare = page.Locator("#results input[name=id]");
        await compare.Nth(0).CheckAsync();
        await compare.Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare chosen courses (up to 3)" }).ClickAndWaitForLoadAsync();
        Assert.Equal(2, await page.Locator("#compare thead th").CountAsync());
        await CheckAccessibilityAsync();

        // Save a course to apply for later: it is listed with its deadline on the saved courses page.
        await page.GotoAsync("/courses?q=a+level&level=3&type=ALevel");
        var toSave = page.Locator("#results h3 a").First;
        var savedTitle = (await toSave.TextContentAsync())!.Trim();
        await toSave.ClickAndWaitForLoadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this course" }).ClickAndWaitForLoadAsync();
        Assert.Contains("Course saved", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(savedTitle, await page.Locator("#saved-courses").TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync();

        // Reflect on a careers activity the school recorded: the reflection is kept and shown back in its form.
        await page.GotoAsync("/me/careers");
        await CheckAccessibilityAsync();
        var activity = page.Locator("[data-participation]").First;
        await activity.Locator("textarea").FillAsync("I liked hearing how the engineers solve problems.");
        await activity.GetByRole(AriaRole.Button).ClickAndWaitForLoadAsync();
        Assert.Contains("Reflection saved", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("I liked hearing how the engineers solve problems.", await page.Locator("[data-participation] textarea").First.InputValueAsync());

        output.WriteLine($"Applied for {title}, saved {savedTitle}, wrote a reflection; axe checked 10 pages");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await page.Context.CloseAsync();
    }
}
