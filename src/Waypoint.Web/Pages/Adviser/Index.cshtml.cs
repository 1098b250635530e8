using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Dashboards;
using Waypoint.Core.Data;
using Waypoint.Core.Tracking;
using Waypoint.Web.Pages.Shared;

namespace Waypoint.Web.Pages.Adviser;

public sealed record TaskRow(Guid Id, Guid YoungPersonId, string Name, string Title, DateOnly DueOn);

public class IndexModel(YoungPersonAccess access, CohortOverview overview, WaypointDbContext db, TrackingOptions options, AuditTrail audit, TimeProvider clock) : StaffHomeModel(access, overview, db)
{
    private readonly YoungPersonAccess people = access;

    public DateOnly Today { get; private set; }
    public IReadOnlyList<TaskRow> Overdue { get; private set; } = [];
    public IReadOnlyList<TaskRow> DueToday { get; private set; } = [];
    public IReadOnlyList<TaskRow> Upcoming { get; private set; } = [];
    public IReadOnlyList<(WorkListKind Kind, int Count, string Href)> Lists { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync(11, 13, withLists: false);
        var actor = HttpContext.GetActor();
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var visible = people.VisibleTo(actor);
        var tasks = await (
            from t in Db.FollowUpTasks
            join p in visible on t.YoungPersonId equals p.Id
            where t.AssignedToUserId == actor.UserId && t.CompletedAt == null
            orderby t.DueOn, p.FamilyName
            select new TaskRow(t.Id, p.Id, (p.PreferredGivenName ?? p.GivenName) + " " + (p.PreferredFamilyName ?? p.FamilyName), t.Title, t.DueOn))
            .Take(500).ToListAsync();
        Overdue = tasks.Where(t => t.DueOn < Today).ToList();
        DueToday = tasks.Where(t => t.DueOn == Today).ToList();
        Upcoming = tasks.Where(t => t.DueOn > Today).ToList();
        var mine = new WorkListFilter(AdviserUserId: actor.UserId);
        var lists = new List<(WorkListKind, int, string)>();
        foreach (var kind in new[] { WorkListKind.Neet, WorkListKind.NotKnown, WorkListKind.ReviewDue, WorkListKind.DueToLapse })
        {
            lists.Add((kind, await WorkLists.Apply(visible, kind, mine, Today, options).CountAsync(), $"/tracking/lists/{WorkLists.Slug(kind)}?adviser={actor.UserId}"));
        }

        Lists = lists;
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid taskId, string? outcome)
    {
        var actor = HttpContext.GetActor();
        var task = await Db.FollowUpTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.AssignedToUserId == actor.UserId && t.CompletedAt == null);
        if (task is null)
        {
            return NotFound();
        }

        task.CompletedAt = clock.GetUtcNow().UtcDateTime;
        task.CompletedByUserId = actor.UserId;
        task.Outcome = string.IsNullOrWhiteSpace(outcome) ? "Done" : outcome.Trim();
        audit.Add(actor, AuditActions.FollowUpCompleted, entityType: "FollowUpTask", entityId: task.Id.ToString(), youngPersonId: task.YoungPersonId, details: new { task.Title, task.Outcome });
        await Db.SaveChangesAsync();
        TempData["Success"] = "Follow-up marked as done";
        return RedirectToPage();
    }
}
