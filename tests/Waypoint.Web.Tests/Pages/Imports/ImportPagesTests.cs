using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Data;
using Waypoint.Core.Imports;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Imports;

/// <summary>Upload, preview, save, revert; the review queue; duplicates; who may use them.</summary>
[Collection("web")]
public class ImportPagesTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private static async Task<(Organisation La, WaypointUser Officer)> LaAsync(WaypointWebFactory factory, string laCode)
    {
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, laCode);
        return (la, await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id));
    }

    private static async Task<PageResponse> UploadAsync(WebSession session, string kind, string fileName, string content)
    {
        var form = await session.GetAsync("/imports/new");
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(kind), "Kind" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(file, "Upload", fileName);
        var response = await session.Client.PostAsync("/imports/new", body);
        return new PageResponse(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    /// <summary>Posts to a form on a page already fetched, with that page's antiforgery token.</summary>
    private static async Task<PageResponse> SubmitAsync(WebSession session, PageResponse page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await session.Client.PostAsync(action, new FormUrlEncodedContent(fields));
        return new PageResponse(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    private static Task<PageResponse> SaveAsync(WebSession session, PageResponse preview) =>
        SubmitAsync(session, preview, "/imports/new?handler=save", new() { ["Journey"] = preview.Document.QuerySelector("input[name=Journey]")!.GetAttribute("value")! });

    private static async Task<T> QueryAsync<T>(WaypointWebFactory factory, Func<WaypointDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WaypointDbContext>());
    }

    private static string Count(PageResponse page, string label) =>
        page.Document.QuerySelectorAll("#preview-counts .govuk-summary-list__row").Single(r => r.QuerySelector("dt")!.TextContent == label).QuerySelector("dd")!.TextContent.Trim();

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task UploadPreviewSaveRevert_SchoolRoll_NothingSavedUntilAskedAndRevertRemovesIt(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (_, officer) = await LaAsync(factory, "885");
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);
        var roll = "Forename,Surname,DOB,Sex,Postcode,NC Year\nAmara,Imported885,2011-02-03,F,OX4 1AA,10\nBilal,Imported885,2010-11-12,M,OX4 1AB,11\nCarys,Imported885,2040-01-01,F,OX4 1AC,11\n";

        var preview = await UploadAsync(session, "Roll", "roll-885.csv", roll);
        var beforeSave = await QueryAsync(factory, db => db.YoungPeople.CountAsync(p => p.FamilyName == "Imported885"));
        var saved = await SaveAsync(session, preview);

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal("2", Count(preview, "New records to create"));
        Assert.Equal("1", Count(preview, "Rows rejected"));
        Assert.Contains("DOB", preview.Document.QuerySelector("#rejected")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, beforeSave);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var detailPath = saved.Location!;
        Assert.StartsWith("/imports/", detailPath, StringComparison.Ordinal);
        Assert.Equal(2, await QueryAsync(factory, db => db.YoungPeople.CountAsync(p => p.FamilyName == "Imported885" && p.LeadLaCode == "885")));

        var detail = await session.GetAsync(detailPath);
        Assert.Equal(2, detail.Document.QuerySelectorAll("#changes li").Length);
        var reverted = await SubmitAsync(session, detail, detailPath + "?handler=revert", []);
        Assert.Equal(HttpStatusCode.Redirect, reverted.Status);
        Assert.Equal(0, await QueryAsync(factory, db => db.YoungPeople.CountAsync(p => p.FamilyName == "Imported885")));
        Assert.Equal(DataImportStatus.Reverted, await QueryAsync(factory, db => db.DataImports.Where(i => i.LaCode == "885").Select(i => i.Status).SingleAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ReviewQueue_SwappedDateOfBirth_ComparedSideBySideAndMatchedByHand(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (_, officer) = await LaAsync(factory, "886");
        var held = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.LeadLaCode = "886";
            p.GivenName = "Delyth";
            p.FamilyName = "Reviewed886";
            p.DateOfBirth = new(2010, 3, 7);
            p.Gender = Gender.F;
            p.Upn = null;
            p.Postcode = "OX4 3AB";
        });
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);
        var preview = await UploadAsync(session, "Roll", "roll-886.csv", "Forename,Surname,DOB,Sex,Postcode\nDelyth,Reviewed886,2010-07-03,F,OX4 3AB\n");
        await SaveAsync(session, preview);

        var queue = await session.GetAsync("/imports/reviews");
        var link = queue.Document.QuerySelectorAll("#reviews a").Single(a => a.TextContent.Contains("Reviewed886", StringComparison.Ordinal)).GetAttribute("href")!;
        var compare = await session.GetAsync(link);
        var answer = await session.PostFormAsync(link, new Dictionary<string, string> { ["Decision"] = held.Id.ToString() });

        Assert.Equal("1", Count(preview, "Possible matches for you to check"));
        Assert.Contains("dates of birth differ", compare.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, compare.Document.QuerySelectorAll("#comparison thead th").Length);
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal($"/young-people/{held.Id}", answer.Location);
        Assert.Equal(new DateOnly(2010, 7, 3), await QueryAsync(factory, db => db.YoungPeople.Where(p => p.Id == held.Id).Select(p => p.DateOfBirth).SingleAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Duplicates_NearIdenticalRecords_FoundAndMergedKeepingBoth(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (_, officer) = await LaAsync(factory, "887");
        var first = await factory.Data.CreateYoungPersonAsync(p => { p.LeadLaCode = "887"; p.GivenName = "Efa"; p.FamilyName = "Twice887"; p.Gender = Gender.F; });
        var second = await factory.Data.CreateYoungPersonAsync(p => { p.LeadLaCode = "887"; p.GivenName = "Effa"; p.FamilyName = "Twice887"; p.Gender = Gender.F; p.DateOfBirth = first.DateOfBirth; p.Upn = null; });
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);

        var found = await session.GetAsync("/imports/duplicates?search=true");
        var compare = found.Document.QuerySelectorAll("#pairs a").Single().GetAttribute("href")!;
        var comparePage = await session.GetAsync(compare);
        Assert.True(comparePage.Status == HttpStatusCode.OK, compare + " " + comparePage.Status + comparePage.Document.Body?.TextContent);
        var merged = await SubmitAsync(session, comparePage, compare, new() { ["Keep"] = first.Id.ToString(), ["Reason"] = "Confirmed with the school" });
        var again = await SubmitAsync(session, comparePage, compare, new() { ["Keep"] = first.Id.ToString(), ["Reason"] = "again" });

        Assert.Equal(HttpStatusCode.Redirect, merged.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        var absorbed = await QueryAsync(factory, db => db.YoungPeople.SingleAsync(p => p.Id == second.Id));
        Assert.Equal(CohortStatus.M, absorbed.CohortStatus);
        Assert.Equal(first.Id, absorbed.MergedIntoYoungPersonId);
        var record = await session.GetAsync($"/young-people/{second.Id}");
        Assert.Contains("This record is a duplicate", record.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Imports_AdviserAndOtherLa_Refused(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (la, officer) = await LaAsync(factory, "888");
        var (_, otherOfficer) = await LaAsync(factory, "889");
        var adviser = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        using var owner = factory.CreateSession();
        await owner.SignInAsync(officer.Email!, TestData.Password);
        var preview = await UploadAsync(owner, "Roll", "roll-888.csv", "Forename,Surname,DOB\nFfion,Owned888,2010-01-01\n");
        var saved = await SaveAsync(owner, preview);
        using var adviserSession = factory.CreateSession();
        await adviserSession.SignInAsync(adviser.Email!, TestData.Password);
        using var other = factory.CreateSession();
        await other.SignInAsync(otherOfficer.Email!, TestData.Password);

        var adviserPage = await adviserSession.GetAsync("/imports");
        var otherDetail = await other.GetAsync(saved.Location!);
        var otherRevert = await SubmitAsync(other, await other.GetAsync("/imports/new"), saved.Location! + "?handler=revert", []);

        Assert.True(adviserPage.Status == HttpStatusCode.Redirect && adviserPage.Location!.Contains("/errors/403", StringComparison.Ordinal), $"adviser got {adviserPage.Status}");
        Assert.Equal(HttpStatusCode.NotFound, otherDetail.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherRevert.Status);
        Assert.Equal(1, await QueryAsync(factory, db => db.YoungPeople.CountAsync(p => p.FamilyName == "Owned888")));
    }
}
