using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Waypoint.Web.Tests.Browser;

[Collection("browser")]
public class RiskJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task CareersLeader_OpensAtRiskPupil_SeesReasonsAndAssignsAnAdviser()
    {
        browser.Require();
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        async Task CheckAccessibilityAsync() => violations.AddRange(await Accessibility.ViolationsAsync(page));

        await SignInJourneyTests.SignInAsync(page, "careers.leader@demo.waypoint.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Risk of NEET" }).ClickAndWaitForLoadAsync();
        Assert.Equal("Young people at risk of NEET", (await page.Locator("h1").TextContentAsync())?.Trim());
        await CheckAccessibilityAsync();

        var pupil = page.Locator("#at-risk tbody tr").First.Locator("a");
        var name = (await pupil.TextContentAsync())!.Trim();
        await pupil.ClickAndWaitForLoadAsync();
        Assert.Equal(name, (await page.Locator("h1").TextContentAsync())?.Trim());
        var reasons = (await page.Locator("#reasons").TextContentAsync())!.Trim();
        Assert.Matches(@"\(\d points?\)", reasons);
        Assert.Contains("chance of being NEET or not known", await page.Locator("#model").TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Assign support" }).ClickAndWaitForLoadAsync();
        Assert.Contains("Choose the support to assign", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "A personal adviser" }).CheckAsync();
        await page.GetByLabel("Adviser (for a personal adviser)").SelectOptionAsync(new SelectOptionValue { Label = "Jo Okafor" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign support" }).ClickAndWaitForLoadAsync();

        Assert.Contains("Support assigned", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Personal adviser: Jo Okafor", await page.Locator("#supports").TextContentAsync(), StringComparison.Ordinal);
        await CheckAccessibilityAsync();
        output.WriteLine($"{name}: {reasons}; adviser assigned; axe checked 4 pages of the journey");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task LaAdministrator_RiskReportPages_NoAxeViolations()
    {
        browser.Require();
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        await SignInJourneyTests.SignInAsync(page, "la.admin@demo.waypoint.test");

        foreach (var path in new[] { "/risk", "/risk/coverage", "/risk/backtest", "/risk/indicators" })
        {
            await page.GotoAsync(browser.BaseUrl + path);
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator("h1").TextContentAsync()));
            violations.AddRange((await Accessibility.ViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }

        await page.GotoAsync(browser.BaseUrl + "/risk/backtest");
        var pointsAuc = await page.Locator("#points-auc").TextContentAsync();
        var modelAuc = await page.Locator("#model-auc").TextContentAsync();
        output.WriteLine($"Demo back-test: points AUC {pointsAuc}, model AUC {modelAuc}");
        Assert.True(double.Parse(modelAuc!, System.Globalization.CultureInfo.InvariantCulture) > double.Parse(pointsAuc!, System.Globalization.CultureInfo.InvariantCulture));
        await page.GotoAsync(browser.BaseUrl + "/risk/indicators");
        await page.GetByLabel("Offer support from (points)").FillAsync("x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAndWaitForLoadAsync();
        Assert.Contains("Enter the points to offer support from", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        violations.AddRange((await Accessibility.ViolationsAsync(page)).Select(v => $"/risk/indicators with an error: {v}"));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await page.Context.CloseAsync();
    }
}
