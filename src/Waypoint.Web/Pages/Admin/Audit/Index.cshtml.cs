using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;

namespace Waypoint.Web.Pages.Admin.Audit;

public class IndexModel(WaypointDbContext db, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true, Name = "young-person")]
    public string? YoungPerson { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    // "page" is Razor Pages' own route value, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<SelectListItem> Actions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Outcomes { get; } =
        [new("Any outcome", ""), .. Enum.GetValues<AuditOutcome>().Select(o => new SelectListItem(o.ToString(), o.ToString()))];

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = HttpContext.GetActor();
        Actions = [new("Any action", ""), .. typeof(AuditActions).GetFields().Select(f => (string)f.GetValue(null)!).Order().Select(a => new SelectListItem(a, a))];
        var laOrganisations = db.Organisations.Where(o => o.LaCode == actor.LaCode).Select(o => (Guid?)o.Id);
        var laPeople = db.YoungPeople.Where(p => p.LeadLaCode == actor.LaCode).Select(p => (Guid?)p.Id);
        var events = db.AuditEvents.Where(e =>
            laOrganisations.Contains(e.OrganisationId) || laPeople.Contains(e.YoungPersonId) || (e.OrganisationId == null && e.YoungPersonId == null));

        if (UserFilter is not null)
        {
            var user = UserFilter.ToLowerInvariant();
            events = events.Where(e => e.UserName != null && e.UserName.ToLower().Contains(user));
        }

        if (Action is not null)
        {
            events = events.Where(e => e.Action == Action);
        }

        if (Outcome is not null && Enum.TryParse<AuditOutcome>(Outcome, out var outcome))
        {
            events = events.Where(e => e.Outcome == outcome);
        }

        if (YoungPerson is not null)
        {
            if (Guid.TryParse(YoungPerson, out var youngPersonId))
            {
                events = events.Where(e => e.YoungPersonId == youngPersonId);
            }
            else
            {
                ModelState.AddModelError("young-person", "Enter a young person's record ID, as shown in the address of their page");
            }
        }

        var from = ParseDate(From, "From", "from");
        var to = ParseDate(To, "To", "to");
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError("To", "The 'to' date must be the same as or after the 'from' date");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        if (from is { } f)
        {
            var start = f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (to is { } t)
        {
            var end = t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            events = events.Where(e => e.OccurredAt < end);
        }

        PageNumber = Math.Max(1, PageNumber);
        Total = await events.CountAsync();
        Events = await events.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).AsNoTracking().ToListAsync();
        await audit.RecordAsync(actor, AuditActions.AuditSearched, details: new { user = UserFilter, Action, Outcome, YoungPerson, From, To, results = Total });
        return Page();
    }

    public string PageLink(int page) =>
        "/admin/audit?" + string.Join('&', new[] { ("user", UserFilter), ("Action", Action), ("Outcome", Outcome), ("young-person", YoungPerson), ("From", From), ("To", To), ("p", page.ToString(CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    private DateOnly? ParseDate(string? value, string field, string label)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, ["d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, $"Enter the '{label}' date as day/month/year, like 27/3/2026");
        return null;
    }
}
