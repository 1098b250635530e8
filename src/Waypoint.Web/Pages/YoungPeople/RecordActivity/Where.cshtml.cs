using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Journeys;
using Waypoint.Core.Nccis;
using Waypoint.Core.Organisations;

namespace Waypoint.Web.Pages.YoungPeople.RecordActivity;

public class WhereModel(YoungPersonAccess access, JourneyStore journeys, CurrencyOptions currency, WaypointDbContext db) : RecordActivityPageModel(access, journeys, currency)
{
    [BindProperty]
    public string? Establishment { get; set; }

    [BindProperty]
    public string? EstablishmentName { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public IReadOnlyList<SelectListItem> Establishments { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SourceItems { get; } = [new("Choose how you know", ""), .. Sources.Select(s => new SelectListItem(s, s))];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (State.StartDate is null)
        {
            return Redirect(StepUrl(State.Code is null ? "what" : "when"));
        }

        await LoadEstablishmentsAsync();
        Establishment = State.EstablishmentOrganisationId?.ToString() ?? (State.EstablishmentName is null ? "" : "other");
        EstablishmentName = State.EstablishmentOrganisationId is null ? State.EstablishmentName : null;
        Source = State.Source;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await LoadEstablishmentsAsync();
        Organisation? organisation = null;
        if (Guid.TryParse(Establishment, out var organisationId))
        {
            organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId);
            if (organisation is null)
            {
                ModelState.AddModelError(nameof(Establishment), "Choose a school, college or provider from the list");
            }
        }
        else if (Establishment == "other" && EstablishmentName is null)
        {
            ModelState.AddModelError(nameof(EstablishmentName), "Enter the name of the place, or choose 'None'");
        }

        if (Source is null || !Sources.Contains(Source))
        {
            ModelState.AddModelError(nameof(Source), "Choose how you know what the young person is doing");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        State.EstablishmentOrganisationId = organisation?.Id;
        State.EstablishmentName = organisation?.Name ?? (Establishment == "other" ? EstablishmentName : null);
        State.EstablishmentNumber = organisation?.LaEstab;
        State.Ukprn = organisation?.Ukprn;
        State.Source = Source;
        await SaveStateAsync();
        return Redirect(StepUrl("check"));
    }

    private async Task LoadEstablishmentsAsync()
    {
        var laCode = HttpContext.GetActor().LaCode;
        var organisations = await db.Organisations
            .Where(o => (o.Kind == OrganisationKind.SchoolOrCollege || o.Kind == OrganisationKind.LearningProvider) && (laCode == null || o.LaCode == laCode))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        Establishments = [new("None: not at a school, college or provider", ""), .. organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString())), new("Somewhere else", "other")];
    }
}
