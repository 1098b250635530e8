using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Privacy;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople;

/// <summary>GET /young-people/{id}/subject-access: what a subject access export holds, and the download (LA administrators).</summary>
public class SubjectAccessModel(SubjectAccess subjectAccess, YoungPersonAccess access) : PageModel
{
    public YoungPerson Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        if (!SubjectAccess.MayUse(actor))
        {
            return NotFound();
        }

        var opened = await access.OpenAsync(actor, id, "subject access request page", q => q.AsNoTracking(), ct);
        if (opened is not { Outcome: AccessOutcome.Allowed, Value: { } person })
        {
            return NotFound();
        }

        Person = person;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken ct)
    {
        // Written to memory first, so a refusal is a 404 rather than half a download.
        using var buffer = new MemoryStream();
        if (!await subjectAccess.WriteAsync(HttpContext.GetActor(), id, buffer, ct))
        {
            return NotFound();
        }

        return File(buffer.ToArray(), "application/json", $"subject-access-{id}.json");
    }
}
