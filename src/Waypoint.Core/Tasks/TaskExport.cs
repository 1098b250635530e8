using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Reports;

namespace Waypoint.Core.Tasks;

/// <summary>An adviser's open follow-ups as CSV, earliest due first, for work offline or in another tool. Audited with the count.</summary>
public class TaskExport(WaypointDbContext db, AuditTrail audit)
{
    public static readonly string[] Header = ["due_on", "kind", "title", "young_person_id", "local_id", "name", "date_of_birth"];

    public async Task<int> WriteCsvAsync(Actor actor, Guid adviserUserId, TextWriter output, CancellationToken cancellationToken = default)
    {
        var rows = db.FollowUpTasks.AsNoTracking()
            .Where(t => t.AssignedToUserId == adviserUserId && t.CompletedAt == null)
            .Join(db.YoungPeople, t => t.YoungPersonId, p => p.Id, (t, p) => new { t, p })
            .OrderBy(x => x.t.DueOn).ThenBy(x => x.p.FamilyName).ThenBy(x => x.t.Id)
            .Select(x => new { x.t.DueOn, x.t.Kind, x.t.Title, x.p.Id, x.p.LocalId, Name = (x.p.PreferredGivenName ?? x.p.GivenName) + " " + (x.p.PreferredFamilyName ?? x.p.FamilyName), x.p.DateOfBirth })
            .AsAsyncEnumerable();
        await output.WriteLineAsync(Csv.Line(Header));
        var count = 0;
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            await output.WriteLineAsync(Csv.Line([Csv.Date(r.DueOn), r.Kind.ToString(), r.Title, r.Id.ToString(), r.LocalId, r.Name, Csv.Date(r.DateOfBirth)]));
            count++;
        }

        await audit.RecordAsync(actor, AuditActions.TasksExported, entityType: "User", entityId: adviserUserId.ToString(), details: new { count }, cancellationToken: cancellationToken);
        return count;
    }
}
