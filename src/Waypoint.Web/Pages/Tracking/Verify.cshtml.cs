using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.Tracking;

/// <summary>
/// Phone-round tracking: one young person at a time from a work list. The primary button confirms the current
/// activity as at today and moves on, so a confirmation is one key press (Enter).
/// </summary>
public class VerifyModel(YoungPersonAccess access, ParticipationService participation, TrackingOptions options, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public WorkListQuery Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "i")]
    public int Index { get; set; }

    public WorkListKind Kind { get; private set; }
    public string Slug => WorkLists.Slug(Kind);
    public YoungPerson? Person { get; private set; }
    public int Remaining { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string list)
    {
        if (WorkLists.FromSlug(list) is not { } kind)
        {
            return NotFound();
        }

        Kind = kind;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Index = Math.Max(0, Index);
        var people = WorkLists.Apply(access.VisibleTo(HttpContext.GetActor()), kind, Filter.ToFilter(), Today, options);
        Remaining = Math.Max(0, await people.CountAsync() - Index);
        var id = await WorkLists.Order(people, kind).Skip(Index).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (id is not null)
        {
            var opened = await access.OpenAsync(HttpContext.GetActor(), id.Value, "quick verification", q => q.Include(p => p.Activities).Include(p => p.School));
            Person = opened.Value;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string list, Guid id, Guid version)
    {
        if (WorkLists.FromSlug(list) is not { } kind)
        {
            return NotFound();
        }

        var actor = HttpContext.GetActor();
        try
        {
            await participation.VerifyCurrentActivityAsync(actor, id, version, "Quick verification");
            TempData["Success"] = "Confirmed";
        }
        catch (ConcurrencyConflictException)
        {
            TempData["Success"] = "Someone else had just changed that record, so it was not confirmed. It is shown again below.";
            return Redirect($"/tracking/verify/{list}{Filter.QueryString(index: Index)}");
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        // Confirming takes someone off the lists that are about lapsing, so the next person moves into this place.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var stillListed = await WorkLists.Apply(access.VisibleTo(actor), kind, Filter.ToFilter(), today, options).AnyAsync(p => p.Id == id);
        return Redirect($"/tracking/verify/{list}{Filter.QueryString(index: stillListed ? Index + 1 : Index)}");
    }
}
