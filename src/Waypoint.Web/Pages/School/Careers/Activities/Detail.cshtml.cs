using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.School.Careers.Activities;

/// <summary>
/// One activity and its register, and adding pupils from a CSV of UPNs: the preview matches the file against the
/// school's roll and writes nothing; saving adds all the matched pupils in one transaction or none of them.
/// </summary>
public class DetailModel(CareersService careers, YoungPersonAccess access, AuditTrail audit, WaypointDbContext db, TimeProvider clock) : CareersPageModel(careers, clock)
{
    public CareersActivity Activity { get; private set; } = null!;
    public IReadOnlyList<RegisterPupil> Register { get; private set; } = [];

    /// <summary>What pupils on the register wrote afterwards, by pupil: the "followed by reflection" of a meaningful encounter.</summary>
    public IReadOnlyDictionary<Guid, string> Reflections { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public string? UpnList { get; set; }

    [BindProperty]
    public List<Guid> Matched { get; set; } = [];

    public IReadOnlyList<RegisterPupil> Preview { get; private set; } = [];
    public IReadOnlyList<string> Unmatched { get; private set; } = [];
    public bool Previewed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, IFormFile? upload)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var text = UpnList ?? "";
        if (upload is { Length: > 0 and < 1_000_000 })
        {
            using var reader = new StreamReader(upload.OpenReadStream());
            text = await reader.ReadToEndAsync();
        }

        // One UPN a line, or a CSV whose first column is the UPN (a header row is skipped as unmatched text).
        var upns = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(',')[0].Trim().Trim('"').ToUpperInvariant()).Where(u => u.Length > 0).Distinct().Take(2000).ToList();
        if (upns.Count == 0)
        {
            ModelState.AddModelError(nameof(UpnList), "Enter or upload the UPNs of the pupils who took part");
            return this.PageWithErrors();
        }

        var already = Register.Select(r => r.Id).ToHashSet();
        var found = await access.VisibleTo(Actor).Where(p => p.SchoolId == School.Id && p.Upn != null && upns.Contains(p.Upn))
            .Select(p => new { p.Id, p.Upn, p.GivenName, p.FamilyName, p.DateOfBirth }).ToListAsync();
        Preview = found.Where(p => !already.Contains(p.Id)).Select(p => new RegisterPupil(p.Id, $"{p.GivenName} {p.FamilyName}", AcademicAge.YearGroup(p.DateOfBirth, Today))).ToList();
        Unmatched = upns.Except(found.Select(p => p.Upn!)).ToList();
        Previewed = true;
        await audit.RecordAsync(Actor, AuditActions.CareersImportPreviewed, entityType: "CareersActivity", entityId: id.ToString(),
            details: new { lines = upns.Count, matched = Preview.Count, unmatched = Unmatched.Count, alreadyOnRegister = found.Count - Preview.Count });
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id)
    {
        try
        {
            var added = await Careers.AddParticipantsAsync(Actor, id, Matched, "import");
            TempData["Success"] = $"{added} pupils added to the register";
        }
        catch (CareersAccessException)
        {
            return NotFound();
        }

        return Redirect($"/school/careers/activities/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var activity = await db.CareersActivities.AsNoTracking().Include(a => a.Partner).FirstOrDefaultAsync(a => a.Id == id && a.SchoolId == School.Id);
        if (activity is null)
        {
            return false;
        }

        Activity = activity;
        var rows = await (from p in db.CareersParticipations
                          where p.ActivityId == id
                          join y in access.VisibleTo(Actor) on p.YoungPersonId equals y.Id
                          orderby y.FamilyName, y.GivenName
                          select new { y.Id, y.GivenName, y.FamilyName, p.YearGroup, p.Reflection }).ToListAsync();
        Register = rows.Select(r => new RegisterPupil(r.Id, $"{r.GivenName} {r.FamilyName}", r.YearGroup)).ToList();
        Reflections = rows.Where(r => r.Reflection is not null).ToDictionary(r => r.Id, r => r.Reflection!);
        await audit.RecordAsync(Actor, AuditActions.CareersRegisterViewed, entityType: "CareersActivity", entityId: id.ToString(), details: new { results = Register.Count });
        return true;
    }
}
