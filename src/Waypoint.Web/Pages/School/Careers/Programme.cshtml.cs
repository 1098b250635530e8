using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;

namespace Waypoint.Web.Pages.School.Careers;

/// <summary>The published programme: Careers Leader, summary, impact, review date, provider access policy, and the plan.</summary>
public class ProgrammeModel(CareersService careers, WaypointDbContext db, TimeProvider clock) : CareersPageModel(careers, clock)
{
    [BindProperty] public string? CareersLeaderName { get; set; }
    [BindProperty] public string? CareersLeaderEmail { get; set; }
    [BindProperty] public string? CareersLeaderPhone { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? HowToAccess { get; set; }
    [BindProperty] public string? ImpactMeasurement { get; set; }
    [BindProperty] public string? ProviderAccessPolicy { get; set; }
    [BindProperty] public DateInput NextReviewDate { get; set; } = new();

    [BindProperty] public string? PlanTitle { get; set; }
    [BindProperty] public CareersActivityType PlanType { get; set; }
    [BindProperty] public int PlanYearGroup { get; set; } = 7;
    [BindProperty] public int PlanTerm { get; set; } = 1;
    [BindProperty] public string? PlanOutcomes { get; set; }
    [BindProperty] public Guid? PlanPartnerId { get; set; }

    public CareersProgramme? Programme { get; private set; }
    public IReadOnlyList<SelectListItem> Partners { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Programme is { } p)
        {
            (CareersLeaderName, CareersLeaderEmail, CareersLeaderPhone, Summary, HowToAccess, ImpactMeasurement, ProviderAccessPolicy) =
                (p.CareersLeaderName, p.CareersLeaderEmail, p.CareersLeaderPhone, p.Summary, p.HowToAccess, p.ImpactMeasurement, p.ProviderAccessPolicy);
            NextReviewDate = DateInput.From(p.NextReviewDate);
        }
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        foreach (var (field, value, label) in new[]
        {
            (nameof(CareersLeaderName), CareersLeaderName, "the Careers Leader's name"),
            (nameof(CareersLeaderEmail), CareersLeaderEmail, "the Careers Leader's email address"),
            (nameof(CareersLeaderPhone), CareersLeaderPhone, "the Careers Leader's phone number"),
            (nameof(Summary), Summary, "a summary of the careers programme"),
            (nameof(ImpactMeasurement), ImpactMeasurement, "how the programme's impact is measured"),
            (nameof(ProviderAccessPolicy), ProviderAccessPolicy, "the provider access policy statement"),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                ModelState.AddModelError(field, $"Enter {label}");
            }
        }

        if (CareersLeaderEmail is { } email && !string.IsNullOrWhiteSpace(email) && !email.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(CareersLeaderEmail), "Enter an email address in the correct format, like name@example.com");
        }

        var review = NextReviewDate.Read(ModelState, nameof(NextReviewDate), "the date of the next review", required: true);
        if (!ModelState.IsValid || review is null)
        {
            await LoadAsync();
            return this.PageWithErrors();
        }

        await Careers.SaveProgrammeAsync(Actor, new SaveProgrammeOptions(CareersLeaderName!, CareersLeaderEmail!, CareersLeaderPhone!, Summary!, HowToAccess, ImpactMeasurement!, ProviderAccessPolicy!, review.Value));
        TempData["Success"] = "Programme published";
        return Redirect("/school/careers/programme");
    }

    public async Task<IActionResult> OnPostPlanAsync()
    {
        if (string.IsNullOrWhiteSpace(PlanTitle))
        {
            ModelState.AddModelError(nameof(PlanTitle), "Enter what is planned");
        }

        if (PlanYearGroup is < 7 or > 13)
        {
            ModelState.AddModelError(nameof(PlanYearGroup), "Choose a year group from 7 to 13");
        }

        if (ModelState.IsValid)
        {
            try
            {
                await Careers.PlanActivityAsync(Actor, new PlanActivityOptions(PlanTitle!, PlanType, PlanYearGroup, Math.Clamp(PlanTerm, 1, 3), 0, PlanOutcomes, PlanPartnerId, null));
                TempData["Success"] = "Activity added to the plan";
                return Redirect("/school/careers/programme");
            }
            catch (CareersValidationException ex)
            {
                foreach (var (field, message) in ex.Errors)
                {
                    ModelState.AddModelError(field == "PartnerId" ? nameof(PlanPartnerId) : nameof(PlanTitle), message);
                }
            }
        }

        await LoadAsync();
        return this.PageWithErrors();
    }

    private async Task LoadAsync()
    {
        Programme = await db.CareersProgrammes.AsNoTracking().Include(p => p.Planned).FirstOrDefaultAsync(p => p.SchoolId == School.Id);
        Partners = new[] { new SelectListItem("None", "") }
            .Concat(await db.CareersPartners.Where(p => p.LaCode == School.LaCode).OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync())
            .ToList();
    }
}
