using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waypoint.Core.Data;
using Xunit.Abstractions;

namespace Waypoint.Web.Tests.Browser;

/// <summary>Issue 7, acceptance 3: the public programme page of a demo school, and recording an activity with a class register.</summary>
[Collection("browser")]
public class CareersJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private async Task<Guid> DemoSchoolAsync()
    {
        await using var scope = browser.Factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        return await db.Organisations.Where(o => o.Name == "Cherwell Valley Academy").Select(o => o.Id).SingleAsync();
    }

    private async Task<string> LargestFormAsync()
    {
        await using var scope = browser.Factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var school = await DemoSchoolAsync();
        return await db.PupilGroups.Where(g => g.SchoolId == school).OrderByDescending(g => g.Members.Count).ThenBy(g => g.Name).Select(g => g.Name).FirstAsync();
    }

    [SkippableFact]
    public async Task PublicProgrammePage_DemoSchoolWithoutSignIn_ShowsWhatMustBePublishedAndPassesAxe()
    {
        browser.Require();
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync($"/careers-programmes/{await DemoSchoolAsync()}");

        Assert.Equal(200, response!.Status);
        Assert.Contains("Priya Shah", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        foreach (var heading in (string[])["Careers Leader", "Our careers programme", "How we measure and assess the programme's impact", "Next review", "Provider access policy statement"])
        {
            Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = heading }).IsVisibleAsync(), heading);
        }

        Assert.Contains("We grant every request", await page.Locator("#policy").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#planned tbody tr").CountAsync() > 0);
        var violations = await Accessibility.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task CareersLeader_RecordsAWorkplaceVisitWithAFormRegister_SeesItRecordedAndTheBenchmarks()
    {
        browser.Require();
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        async Task CheckAccessibilityAsync() => violations.AddRange(await Accessibility.ViolationsAsync(page));

        await SignInJourneyTests.SignInAsync(page, "careers.leader@demo.waypoint.test");
        await page.GotoAsync("/school/careers");
        await CheckAccessibilityAsync();
        Assert.Equal(8, await page.Locator("#benchmarks tbody tr").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an activity" }).First.ClickAndWaitForLoadAsync();
        await CheckAccessibilityAsync();

        var form = await LargestFormAsync();
        await page.GetByLabel("Who took part: choose a form, class or year group").SelectOptionAsync(new SelectOptionValue { Label = $"Form {form}" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the register" }).ClickAndWaitForLoadAsync();
        var register = page.Locator("#register input[name=Pupils]");
        var onRegister = await register.CountAsync();
        Assert.True(onRegister > 1, $"Form {form} has {onRegister} pupils");
        Assert.Equal(onRegister, await page.Locator("#register input[name=Pupils]:checked").CountAsync());
        await register.First.UncheckAsync();
        await CheckAccessibilityAsync();

        await page.GetByLabel("Type of activity", new() { Exact = true }).SelectOptionAsync("WorkplaceVisit");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Visit to the hospital laboratories");
        await page.GetByLabel("Employer or provider", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Oxford University Hospitals NHS Trust" });
        await page.GetByLabel("Purpose", new() { Exact = true }).FillAsync("See science careers in a real workplace");
        await page.GetByLabel("Learning outcomes", new() { Exact = true }).FillAsync("Name three laboratory jobs and their routes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save activity" }).ClickAndWaitForLoadAsync();

        Assert.Contains($"recorded for {onRegister - 1} pupils", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(onRegister - 1, await page.Locator("#register li").CountAsync());
        await CheckAccessibilityAsync();
        await page.GotoAsync("/school/careers/benchmarks");
        await CheckAccessibilityAsync();
        await page.GotoAsync("/school/careers/gaps?measure=WorkplaceExperienceBy16");
        await CheckAccessibilityAsync();
        // The demo school's leavers: the demo's post-16 people are mostly Years 12 and 13 (the NCCIS cohort), so at least
        // the two latest leaving years have leavers, and some of them are named (own sixth form or consented).
        await page.GotoAsync("/school/careers/destinations");
        var years = page.Locator("section[data-leaving-year]");
        Assert.Equal(1, await years.Nth(0).Locator("[data-destinations]").CountAsync());
        Assert.Equal(1, await years.Nth(1).Locator("[data-destinations]").CountAsync());
        await page.Locator("[data-leaving-year] .govuk-details__summary").First.ClickAsync();
        Assert.True(await page.Locator("[data-leaving-year] tr[data-leaver]").First.IsVisibleAsync());
        await CheckAccessibilityAsync();
        output.WriteLine($"Registered {onRegister - 1} of {onRegister} in form {form}; axe checked 8 pages");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await page.Context.CloseAsync();
    }
}
