using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Imports;

namespace Waypoint.Web.Pages.Imports.Reviews;

public class IndexModel(WaypointDbContext db, AuditTrail audit) : PageModel
{
    private const int PageSize = 50;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Row(Guid Id, string Incoming, DateOnly IncomingDob, string Candidate, DateOnly CandidateDob, double Score, string? Reason, string FileName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }

    public async Task OnGetAsync(int p = 1)
    {
        var actor = HttpContext.GetActor();
        var open = db.MatchReviews.AsNoTracking().Where(r => r.LaCode == actor.LaCode && r.Status == MatchReviewStatus.Open);
        Total = await open.CountAsync();
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        var page = await (from r in open
                          join person in db.YoungPeople on r.CandidateYoungPersonId equals person.Id
                          join i in db.DataImports on r.ImportId equals i.Id
                          orderby r.CreatedAt, r.Row
                          select new { r.Id, r.IncomingJson, person.GivenName, person.FamilyName, person.DateOfBirth, r.Score, r.Reason, i.FileName })
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        Rows = page.Select(r =>
        {
            var incoming = JsonSerializer.Deserialize<IncomingRecord>(r.IncomingJson, Json)!;
            return new Row(r.Id, $"{incoming.GivenName} {incoming.FamilyName}", incoming.DateOfBirth, $"{r.GivenName} {r.FamilyName}", r.DateOfBirth, r.Score, r.Reason, r.FileName);
        }).ToList();
        await audit.RecordAsync(actor, AuditActions.WorkListViewed, details: new { list = "match-reviews", page = PageNumber, rows = Rows.Count });
    }
}
