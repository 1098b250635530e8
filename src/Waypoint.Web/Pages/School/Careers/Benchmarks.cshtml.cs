using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;

namespace Waypoint.Web.Pages.School.Careers;

/// <summary>The Compass-style self-assessment: data areas pre-filled with their evidence, the rest answered here; snapshot history.</summary>
public class BenchmarksModel(CareersService careers, BenchmarkAssessment assessment, WaypointDbContext db, TimeProvider clock) : CareersPageModel(careers, clock)
{
    public IReadOnlyList<BenchmarkResult> Results { get; private set; } = [];
    public IReadOnlyList<BenchmarkSnapshot> Snapshots { get; private set; } = [];

    [BindProperty] public string? AreaKey { get; set; }
    [BindProperty] public AreaStatus Status { get; set; }
    [BindProperty] public string? Evidence { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAnswerAsync()
    {
        try
        {
            await Careers.AnswerAsync(Actor, AreaKey ?? "", Status, Evidence);
            TempData["Success"] = "Answer saved";
            return Redirect($"/school/careers/benchmarks#{AreaKey}");
        }
        catch (CareersValidationException ex)
        {
            AddErrors(ex);
            await LoadAsync();
            return this.PageWithErrors();
        }
    }

    private async Task LoadAsync()
    {
        (_, Results) = await assessment.AssessAsync(Actor, School.Id, Today);
        Snapshots = await db.BenchmarkSnapshots.AsNoTracking().Where(s => s.SchoolId == School.Id).OrderBy(s => s.TakenOn).ThenBy(s => s.Benchmark).ToListAsync();
    }
}
