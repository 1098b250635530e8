using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;

namespace Waypoint.Web.Pages.School.Careers;

/// <summary>The LA-wide directory of employers and providers willing to work with schools; any school may add to it.</summary>
public class DirectoryModel(CareersService careers, WaypointDbContext db, TimeProvider clock) : CareersPageModel(careers, clock)
{
    public IReadOnlyList<CareersPartner> Partners { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Offers { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public PartnerKind Kind { get; set; }
    [BindProperty] public string? Sectors { get; set; }
    [BindProperty] public List<CareersActivityType> ActivityTypes { get; set; } = [];
    [BindProperty] public bool IsStem { get; set; }
    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter the employer's or provider's name");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.PageWithErrors();
        }

        await Careers.AddPartnerAsync(Actor, new AddPartnerOptions(Name!, Kind, Sectors, ActivityTypes, IsStem, ContactName, ContactEmail, ContactPhone));
        TempData["Success"] = $"{Name} added to the directory";
        return Redirect("/school/careers/directory");
    }

    private async Task LoadAsync()
    {
        var all = await db.CareersPartners.AsNoTracking().Where(p => p.LaCode == School.LaCode).OrderBy(p => p.Name).ToListAsync();
        Partners = Enum.TryParse<CareersActivityType>(Offers, out var type) ? all.Where(p => p.Offers().Contains(type)).ToList() : all;
    }
}
