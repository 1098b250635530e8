using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Api;

public sealed record RecordActivityRequest(Guid Version, string? Code, DateOnly? StartDate, DateOnly? DateAscertained, DateOnly? DateVerified, DateOnly? ReviewDate,
    DateOnly? PredictedEndDate, DateOnly? NeetStartDate, string? EstablishmentNumber, string? EstablishmentName, string? Ukprn, string? Source);

public sealed record VersionRequest(Guid Version);

public sealed record CohortStatusRequest(Guid Version, string? Status, string? Reason, DateOnly? EffectiveOn, string? TransferredToLaCode);

public sealed record UpdateDetailsRequest(Guid Version, string? GivenName, string? MiddleNames, string? FamilyName, string? PreferredGivenName, string? PreferredFamilyName,
    DateOnly? DateOfBirth, string? Gender, string? EthnicityCode, string? AddressLine1, string? AddressLine2, string? Town, string? Postcode, string? Email, string? Phone,
    string? ContactPreference, string? Upn, string? Uln, int? LevelOfNeed, bool? HasEhcPlan, bool? HasSenSupport, string? EducatedLaCode = null, string? LaCodeAtYear11 = null);

public sealed record ViolationDto(string Field, string Message, int? NccisError);

public sealed record ChangedResponse(Guid Id, Guid Version);

public sealed record WorkListPage(string List, int Total, int Page, int PageSize, IReadOnlyList<WorkListRow> Items);

/// <summary>The tracking writes and work lists as JSON, calling the same services, rules and audit as the pages.</summary>
public static class TrackingApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/young-people/{id:guid}/activities", RecordActivityAsync).WithName("RecordActivity");
        api.MapPost("/young-people/{id:guid}/verify", VerifyAsync).WithName("VerifyCurrentActivity");
        api.MapPut("/young-people/{id:guid}", UpdateDetailsAsync).WithName("UpdateYoungPerson");
        api.MapPost("/young-people/{id:guid}/cohort-status", ChangeStatusAsync).WithName("ChangeCohortStatus");
        api.MapGet("/young-people/{id:guid}/transfer-summary", TransferSummaryAsync).WithName("GetTransferSummary");
        api.MapPost("/transfers", TransferInAsync).WithName("TransferIn");
        api.MapGet("/work-lists/{list}", WorkListAsync).WithName("GetWorkList");
    }

    private static Task<IResult> RecordActivityAsync(HttpContext context, ParticipationService participation, Guid id, RecordActivityRequest request) =>
        Change(context, participation, id, async actor =>
        {
            await participation.RecordActivityAsync(actor, new RecordActivityOptions(id, request.Version,
                new ActivityEntry(request.Code, request.StartDate, request.DateAscertained, request.DateVerified, request.ReviewDate, request.PredictedEndDate,
                    request.NeetStartDate, request.EstablishmentNumber, request.Ukprn),
                request.EstablishmentName, string.IsNullOrWhiteSpace(request.Source) ? "API" : request.Source));
        }, StatusCodes.Status201Created);

    private static Task<IResult> VerifyAsync(HttpContext context, ParticipationService participation, Guid id, VersionRequest request) =>
        Change(context, participation, id, actor => participation.VerifyCurrentActivityAsync(actor, id, request.Version, "API"));

    private static Task<IResult> UpdateDetailsAsync(HttpContext context, ParticipationService participation, Guid id, UpdateDetailsRequest r)
    {
        var missing = new List<ViolationDto>();
        if (string.IsNullOrWhiteSpace(r.GivenName)) { missing.Add(new("given_name", "Enter their given name", 2)); }
        if (string.IsNullOrWhiteSpace(r.FamilyName)) { missing.Add(new("family_name", "Enter their family name", 3)); }
        if (r.DateOfBirth is null) { missing.Add(new("date_of_birth", "Enter their date of birth", 8)); }
        if (!Enum.TryParse<Gender>(r.Gender, out var gender)) { missing.Add(new("gender", "Gender must be F, M, U or W", 5)); }
        if (string.IsNullOrWhiteSpace(r.EthnicityCode)) { missing.Add(new("ethnicity_code", "Enter an ethnicity code", 6)); }
        if (missing.Count > 0)
        {
            return Task.FromResult(Results.ValidationProblem(missing.GroupBy(m => m.Field).ToDictionary(g => g.Key, g => g.Select(m => m.Message).ToArray())));
        }

        return Change(context, participation, id, actor => participation.UpdateDetailsAsync(actor, new UpdateDetailsOptions(id, r.Version, r.GivenName!, r.MiddleNames,
            r.FamilyName!, r.PreferredGivenName, r.PreferredFamilyName, r.DateOfBirth!.Value, gender, r.EthnicityCode!, r.AddressLine1, r.AddressLine2, r.Town, r.Postcode,
            r.Email, r.Phone, r.ContactPreference, r.Upn, r.Uln, r.LevelOfNeed ?? 3, r.HasEhcPlan ?? false, r.HasSenSupport ?? false, r.EducatedLaCode, r.LaCodeAtYear11)));
    }

    private static Task<IResult> ChangeStatusAsync(HttpContext context, ParticipationService participation, TimeProvider clock, Guid id, CohortStatusRequest request)
    {
        if (!Enum.TryParse<CohortStatus>(request.Status, out var status))
        {
            return Task.FromResult(Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Status must be one of P, G, A, T, E, M, D, L"] }));
        }

        return Change(context, participation, id, actor => participation.ChangeCohortStatusAsync(actor, new ChangeCohortStatusOptions(id, request.Version, status,
            request.Reason ?? "", request.EffectiveOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), request.TransferredToLaCode)));
    }

    private static async Task<IResult> TransferSummaryAsync(HttpContext context, TransferService transfers, Guid id)
    {
        var summary = await transfers.ExportAsync(context.GetActor(), id);
        return summary is null
            ? Results.NotFound()
            : Results.File(JsonSerializer.SerializeToUtf8Bytes(summary, TransferSummaryJson.Options), "application/json", $"transfer-{summary.YoungPersonsId}.json");
    }

    private static async Task<IResult> TransferInAsync(HttpContext context, TransferService transfers, TransferSummary summary)
    {
        var actor = context.GetActor();
        if (actor.Role?.IsLaWide() != true)
        {
            return Results.Forbid();
        }

        try
        {
            var result = await transfers.ImportAsync(actor, summary);
            return Results.Ok(result);
        }
        catch (RuleViolationException ex)
        {
            return Results.UnprocessableEntity(ex.Violations.Select(v => new ViolationDto(v.Field, v.Message, v.NccisError)));
        }
    }

    private static async Task<IResult> WorkListAsync(HttpContext context, YoungPersonAccess access, AuditTrail audit, TrackingOptions options, TimeProvider clock,
        string list, Guid? school, int? year, string? characteristic, string? district, Guid? adviser, int page = 1, int pageSize = 50)
    {
        if (WorkLists.FromSlug(list) is not { } kind)
        {
            return Results.NotFound();
        }

        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var actor = context.GetActor();
        var filter = new WorkListFilter(school, year, characteristic, district, adviser);
        var people = WorkLists.Apply(access.VisibleTo(actor), kind, filter, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), options);
        var total = await people.CountAsync();
        var rows = await WorkLists.Order(people, kind).Skip((page - 1) * pageSize).Take(pageSize).ToRows().ToListAsync();
        await audit.RecordAsync(actor, AuditActions.WorkListViewed, details: new { list, filter, page, results = total, api = true });
        return Results.Ok(new WorkListPage(list, total, page, pageSize, rows));
    }

    private static async Task<IResult> Change(HttpContext context, ParticipationService participation, Guid id, Func<Core.Access.Actor, Task> change, int successStatus = StatusCodes.Status200OK)
    {
        var actor = context.GetActor();
        try
        {
            await change(actor);
        }
        catch (RecordNotFoundException)
        {
            return Results.NotFound();
        }
        catch (ConcurrencyConflictException)
        {
            return Results.Problem(title: "The record was changed by someone else", detail: "Read the young person again to get the current version, then retry.",
                statusCode: StatusCodes.Status409Conflict);
        }
        catch (RuleViolationException ex)
        {
            return Results.UnprocessableEntity(ex.Violations.Select(v => new ViolationDto(v.Field, v.Message, v.NccisError)));
        }

        var version = await participation.CurrentVersionAsync(actor, id);
        return Results.Json(new ChangedResponse(id, version ?? Guid.Empty), statusCode: successStatus);
    }
}
