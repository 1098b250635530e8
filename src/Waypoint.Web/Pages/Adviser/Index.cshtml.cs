using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Casework;
using Waypoint.Core.Data;
using Waypoint.Core.Tasks;

namespace Waypoint.Web.Pages.Adviser;

public sealed record TaskRow(Guid Id, Guid YoungPersonId, string Name, string Title, DateOnly DueOn);

/// <summary>
/// "My day": the adviser's open follow-ups, overdue first, then due today, then coming up, each list capped at
/// <see cref="ListSize"/> with its full count, and the size of their caseload. Measured in bench/ (my-day).
/// </summary>
public class IndexModel(YoungPersonAccess access, WaypointDbContext db, CaseworkOptions options, AuditTrail audit, TimeProvider clock) : PageModel
{
    public const int ListSize = 50;

    public string OrganisationName { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public DateOnly Horizon { get; private set; }
    public int Caseload { get; private set; }
    public TaskCounts Counts { get; private set; } = new(0, 0, 0, 0);
    public IReadOnlyList<TaskRow> Overdue { get; private set; } = [];
    public IReadOnlyList<TaskRow> DueToday { get; private set; } = [];
    public IReadOnlyList<TaskRow> Upcoming { get; private set; } = [];
    public Guid? UserId { get; private set; }

    public sealed record TaskCounts(int Overdue, int DueToday, int Upcoming, int Later);

    public async Task OnGetAsync()
    {
        var actor = HttpContext.GetActor();
        UserId = actor.UserId;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Horizon = Today.AddDays(options.UpcomingDays);
        var today = Today;
        var horizon = Horizon;
        var visible = access.VisibleTo(actor);
        OrganisationName = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync() ?? "";
        var open =
            from t in db.FollowUpTasks
            join p in visible on t.YoungPersonId equals p.Id
            where t.AssignedToUserId == actor.UserId && t.CompletedAt == null
            select new { Task = t, Person = p };
        Counts = await open.GroupBy(_ => 1).Select(g => new TaskCounts(
                g.Count(x => x.Task.DueOn < today),
                g.Count(x => x.Task.DueOn == today),
                g.Count(x => x.Task.DueOn > today && x.Task.DueOn <= horizon),
                g.Count(x => x.Task.DueOn > horizon)))
            .SingleOrDefaultAsync() ?? new TaskCounts(0, 0, 0, 0);
        Caseload = await visible.CountAsync(p => p.AdviserUserId == actor.UserId);

        Overdue = Counts.Overdue == 0 ? [] : await RowsAsync(visible, actor, t => t.DueOn < today);
        DueToday = Counts.DueToday == 0 ? [] : await RowsAsync(visible, actor, t => t.DueOn == today);
        Upcoming = Counts.Upcoming == 0 ? [] : await RowsAsync(visible, actor, t => t.DueOn > today && t.DueOn <= horizon);
        await audit.RecordAsync(actor, AuditActions.WorkListViewed, details: new { list = "my-day", overdue = Counts.Overdue, dueToday = Counts.DueToday, upcoming = Counts.Upcoming });
    }

    private Task<List<TaskRow>> RowsAsync(IQueryable<Core.YoungPeople.YoungPerson> visible, Actor actor, Expression<Func<FollowUpTask, bool>> due) =>
        (from t in db.FollowUpTasks.Where(due)
         join p in visible on t.YoungPersonId equals p.Id
         where t.AssignedToUserId == actor.UserId && t.CompletedAt == null
         orderby t.DueOn, p.FamilyName, t.Id
         select new TaskRow(t.Id, p.Id, (p.PreferredGivenName ?? p.GivenName) + " " + (p.PreferredFamilyName ?? p.FamilyName), t.Title, t.DueOn))
        .Take(ListSize).ToListAsync();

    public async Task<IActionResult> OnPostCompleteAsync(Guid taskId, string? outcome)
    {
        var actor = HttpContext.GetActor();
        var task = await db.FollowUpTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.AssignedToUserId == actor.UserId && t.CompletedAt == null);
        if (task is null)
        {
            return NotFound();
        }

        task.CompletedAt = clock.GetUtcNow().UtcDateTime;
        task.CompletedByUserId = actor.UserId;
        task.Outcome = string.IsNullOrWhiteSpace(outcome) ? "Done" : outcome.Trim();
        audit.Add(actor, AuditActions.FollowUpCompleted, entityType: "FollowUpTask", entityId: task.Id.ToString(), youngPersonId: task.YoungPersonId, details: new { task.Title, task.Outcome });
        await db.SaveChangesAsync();
        TempData["Success"] = "Follow-up marked as done";
        return RedirectToPage();
    }
}
