using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Api;

public sealed record ActivityDto(string Code, string Description, DateOnly StartDate, DateOnly DateAscertained, DateOnly? DateVerified, string? EstablishmentName, string Source);

public sealed record YoungPersonDto(
    Guid Id,
    string LocalId,
    string GivenName,
    string? MiddleNames,
    string FamilyName,
    string? PreferredGivenName,
    DateOnly DateOfBirth,
    string Gender,
    string EthnicityCode,
    string? Postcode,
    string? Upn,
    string? Uln,
    string LeadLaCode,
    Guid? SchoolId,
    int LevelOfNeed,
    bool HasEhcPlan,
    bool HasSenSupport,
    string CohortStatus,
    ActivityDto? CurrentActivity,
    IReadOnlyList<ActivityDto> Activities,
    IReadOnlyList<string> Characteristics,
    string? IntendedDestinationCode,
    DateOnly? DueToLapseDate,
    bool CurrencyLapsed,
    Guid? AdviserUserId,
    string YoungPersonsId,
    Guid Version);

public sealed record YoungPersonPage(int Total, int Page, int PageSize, IReadOnlyList<YoungPersonListItem> Items);

/// <summary>
/// JSON API over the same services and the same authorisation as the pages. It uses the sign-in cookie, so it
/// serves the web app's own users; see docs/architecture.md.
/// </summary>
public static class YoungPeopleApi
{
    public static void MapWaypointApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Staff);
        api.MapGet("/young-people", SearchAsync).WithName("SearchYoungPeople");
        api.MapGet("/young-people/{id:guid}", GetAsync).WithName("GetYoungPerson");
        TrackingApi.Map(api);
        NccisApi.Map(api);
    }

    private static async Task<IResult> SearchAsync(HttpContext context, YoungPersonAccess access, AuditTrail audit, string? q, int page = 1, int pageSize = 50)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var actor = context.GetActor();
        var matches = access.VisibleTo(actor).Search(q);
        var total = await matches.CountAsync();
        var items = await matches.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListItems().ToListAsync();
        await audit.RecordAsync(actor, AuditActions.YoungPersonSearched, details: new { query = q, results = total, page, api = true });
        return Results.Ok(new YoungPersonPage(total, page, pageSize, items));
    }

    private static async Task<IResult> GetAsync(HttpContext context, YoungPersonAccess access, TransferService transfers, TimeProvider clock, Guid id)
    {
        var result = await access.OpenAsync(context.GetActor(), id, "api",
            q => q.Include(p => p.Activities).Include(p => p.Characteristics).AsSplitQuery());
        if (result.Outcome != AccessOutcome.Allowed)
        {
            return Results.NotFound();
        }

        var p = result.Value!;
        var activities = p.Activities.OrderByDescending(a => a.StartDate).ThenByDescending(a => a.RecordedAt)
            .Select(a => new ActivityDto(a.Code, ActivityCodes.Describe(a.Code), a.StartDate, a.DateAscertained, a.DateVerified, a.EstablishmentName, a.Source))
            .ToList();
        return Results.Ok(new YoungPersonDto(p.Id, p.LocalId, p.GivenName, p.MiddleNames, p.FamilyName, p.PreferredGivenName, p.DateOfBirth,
            p.Gender.ToString(), p.EthnicityCode, p.Postcode, p.Upn, p.Uln, p.LeadLaCode, p.SchoolId, p.LevelOfNeed, p.HasEhcPlan, p.HasSenSupport,
            p.CohortStatus.ToString(), activities.FirstOrDefault(), activities, p.Characteristics.Select(c => c.Code).Order().ToList(),
            p.IntendedDestinationCode, p.CurrentDueToLapse, CurrencyCalculator.IsLapsed(p.CurrentDueToLapse, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)),
            p.AdviserUserId, transfers.YoungPersonsId(p), p.Version));
    }
}
