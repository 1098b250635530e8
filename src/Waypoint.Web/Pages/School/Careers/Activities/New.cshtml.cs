using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.School.Careers.Activities;

public sealed record RegisterPupil(Guid Id, string Name, int YearGroup);

/// <summary>
/// Record an activity with its register: pick a form, class or whole year group, everyone on it is ticked (the bulk
/// tick), untick whoever was absent, and describe what made it meaningful.
/// </summary>
public class NewModel(CareersService careers, YoungPersonAccess access, AuditTrail audit, WaypointDbContext db, TimeProvider clock) : CareersPageModel(careers, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public CareersActivityType Type { get; set; } = CareersActivityType.EmployerTalk;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateInput Date { get; set; } = new();

    [BindProperty]
    public string InSchoolHours { get; set; } = "yes";

    [BindProperty]
    public Guid? PartnerId { get; set; }

    [BindProperty]
    public string? DeliveredBy { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public string? LearningOutcomes { get; set; }

    [BindProperty]
    public bool TwoWayInteraction { get; set; }

    [BindProperty]
    public string? EmployerTask { get; set; }

    [BindProperty]
    public string? EmployerFeedback { get; set; }

    [BindProperty]
    public string? Hours { get; set; }

    [BindProperty]
    public List<Guid> Pupils { get; set; } = [];

    public IReadOnlyList<SelectListItem> Groups { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Partners { get; private set; } = [];
    public IReadOnlyList<RegisterPupil> Register { get; private set; } = [];
    public bool TickAll { get; private set; } = true;

    public async Task OnGetAsync(bool none = false)
    {
        Date = DateInput.From(Today);
        TickAll = !none;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var date = Date.Read(ModelState, nameof(Date), "the date of the activity", required: true);
        decimal? hours = null;
        if (!string.IsNullOrWhiteSpace(Hours))
        {
            if (decimal.TryParse(Hours, NumberStyles.Number, CultureInfo.InvariantCulture, out var h))
            {
                hours = h;
            }
            else
            {
                ModelState.AddModelError(nameof(Hours), "Hours must be a number, like 35 or 7.5");
            }
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            ModelState.AddModelError(nameof(Title), "Enter a title for the activity");
        }

        if (ModelState.IsValid && date is { } d)
        {
            try
            {
                var activity = await Careers.RecordActivityAsync(Actor, new RecordCareersActivityOptions(
                    Type, Title!, d, InSchoolHours == "yes", PartnerId, DeliveredBy, Subject, 0, Purpose, LearningOutcomes,
                    TwoWayInteraction, EmployerTask, EmployerFeedback, hours, Pupils, "register"));
                TempData["Success"] = $"{activity.Title} recorded for {Pupils.Distinct().Count()} pupils";
                return Redirect($"/school/careers/activities/{activity.Id}");
            }
            catch (CareersValidationException ex)
            {
                AddErrors(ex);
            }
            catch (CareersAccessException)
            {
                ModelState.AddModelError(nameof(Pupils), "Some of the pupils selected are not on your school's roll");
            }
        }

        TickAll = false;
        await LoadAsync();
        return this.PageWithErrors();
    }

    private async Task LoadAsync()
    {
        var forms = await db.PupilGroups.Where(g => g.SchoolId == School.Id).OrderBy(g => g.Kind).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, g.Kind }).ToListAsync();
        Groups = new[] { new SelectListItem("Choose a register", "") }
            .Concat(Enumerable.Range(7, 7).Select(y => new SelectListItem($"Year {y} (whole year group)", $"year-{y}")))
            .Concat(forms.Select(f => new SelectListItem($"{(f.Kind == PupilGroupKind.Form ? "Form" : "Class")} {f.Name}", f.Id.ToString())))
            .ToList();
        Partners = new[] { new SelectListItem("None (delivered by the school or an adviser)", "") }
            .Concat(await db.CareersPartners.Where(p => p.LaCode == School.LaCode).OrderBy(p => p.Name)
                .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync())
            .ToList();

        var pupils = access.VisibleTo(Actor).Where(p => p.SchoolId == School.Id && (p.CohortStatus == CohortStatus.P || p.CohortStatus == CohortStatus.G));
        if (Group is { Length: > 5 } g && g.StartsWith("year-", StringComparison.Ordinal) && int.TryParse(g[5..], out var year))
        {
            var (earliest, latest) = AcademicAge.DateOfBirthRange(year, Today);
            pupils = pupils.Where(p => p.DateOfBirth >= earliest && p.DateOfBirth <= latest);
        }
        else if (Guid.TryParse(Group, out var groupId))
        {
            pupils = pupils.Where(p => db.PupilGroupMembers.Any(m => m.GroupId == groupId && m.YoungPersonId == p.Id));
        }
        else if (Pupils.Count > 0)
        {
            pupils = pupils.Where(p => Pupils.Contains(p.Id));
        }
        else
        {
            return;
        }

        var rows = await pupils.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new { p.Id, p.GivenName, p.PreferredGivenName, p.FamilyName, p.PreferredFamilyName, p.DateOfBirth }).ToListAsync();
        Register = rows.Select(p => new RegisterPupil(p.Id, $"{p.PreferredGivenName ?? p.GivenName} {p.PreferredFamilyName ?? p.FamilyName}", AcademicAge.YearGroup(p.DateOfBirth, Today))).ToList();
        await audit.RecordAsync(Actor, AuditActions.CareersRegisterViewed, entityType: "Organisation", entityId: School.Id.ToString(),
            details: new { group = Group, results = Register.Count });
    }
}
