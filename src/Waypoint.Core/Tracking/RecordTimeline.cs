using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tracking;

public sealed record TimelineChange(string Field, string? OldValue, string? NewValue);

public sealed record TimelineEntry(DateTime When, string Title, string? Detail, string? Who, IReadOnlyList<TimelineChange> Changes);

/// <summary>A young person's history, newest first: activities as they were recorded, and every audited change with its old and new values.</summary>
public class RecordTimeline(WaypointDbContext db)
{
    private static readonly string[] ChangeActions =
    [
        AuditActions.YoungPersonUpdated, AuditActions.ActivityVerified, AuditActions.CohortStatusChanged, AuditActions.IntendedDestinationSet,
        AuditActions.SeptemberGuaranteeSet, AuditActions.AdviserAssigned, AuditActions.TransferredIn, AuditActions.YoungPersonCreated,
        AuditActions.CharacteristicAdded, AuditActions.CharacteristicEnded,
    ];

    public async Task<IReadOnlyList<TimelineEntry>> ForAsync(YoungPerson person, CancellationToken cancellationToken = default)
    {
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.YoungPersonId == person.Id && ChangeActions.Contains(e.Action) && e.Outcome == AuditOutcome.Succeeded)
            .OrderByDescending(e => e.Id).Take(200)
            .ToListAsync(cancellationToken);
        var userIds = person.Activities.Where(a => a.RecordedByUserId is not null).Select(a => a.RecordedByUserId!.Value).Distinct().ToList();

        // Imported activities have no recording user, and most records hold only those: no round trip to look up nobody.
        var names = userIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var entries = person.Activities.Select(a => new TimelineEntry(
            a.RecordedAt,
            $"Activity recorded: {a.Code} {ActivityCodes.Describe(a.Code)}",
            $"Started {a.StartDate:d MMMM yyyy}{(a.EstablishmentName is null ? "" : $" at {a.EstablishmentName}")}. Source: {a.Source}.",
            a.RecordedByUserId is { } id && names.TryGetValue(id, out var name) ? name : "Imported",
            [])).ToList();
        entries.AddRange(events.Select(e => new TimelineEntry(e.OccurredAt, Describe(e.Action), e.Reason, e.UserName, Changes(e.Details))));
        return entries.OrderByDescending(e => e.When).ToList();
    }

    private static string Describe(string action) => action switch
    {
        AuditActions.YoungPersonUpdated => "Details changed",
        AuditActions.ActivityVerified => "Current activity confirmed",
        AuditActions.CohortStatusChanged => "Cohort status changed",
        AuditActions.IntendedDestinationSet => "Intended destination recorded",
        AuditActions.SeptemberGuaranteeSet => "September Guarantee status recorded",
        AuditActions.AdviserAssigned => "Adviser changed",
        AuditActions.TransferredIn => "Transferred in from another local authority",
        AuditActions.YoungPersonCreated => "Record created",
        AuditActions.CharacteristicAdded => "Characteristic recorded",
        AuditActions.CharacteristicEnded => "Characteristic ended",
        _ => action,
    };

    private static List<TimelineChange> Changes(string? details)
    {
        if (details is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(details);
        if (!document.RootElement.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return changes.EnumerateArray().Select(c => new TimelineChange(
            c.GetProperty("field").GetString() ?? "",
            c.TryGetProperty("oldValue", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null,
            c.TryGetProperty("newValue", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null)).ToList();
    }
}
