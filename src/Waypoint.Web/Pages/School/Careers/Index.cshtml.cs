using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;

namespace Waypoint.Web.Pages.School.Careers;

/// <summary>The careers overview, also the printable report for governors and inspectors.</summary>
public class IndexModel(CareersService careers, BenchmarkAssessment assessment, WaypointDbContext db, TimeProvider clock) : CareersPageModel(careers, clock)
{
    public SchoolMeasures Measures { get; private set; } = null!;
    public IReadOnlyList<BenchmarkResult> Benchmarks { get; private set; } = [];
    public CareersProgramme? Programme { get; private set; }
    public int ActivitiesThisYear { get; private set; }

    public async Task OnGetAsync()
    {
        (Measures, Benchmarks) = await assessment.AssessAsync(Actor, School.Id, Today);
        Programme = await db.CareersProgrammes.AsNoTracking().FirstOrDefaultAsync(p => p.SchoolId == School.Id);
        var year = Core.YoungPeople.AcademicAge.AcademicYearStart(Today);
        ActivitiesThisYear = await db.CareersActivities.CountAsync(a => a.SchoolId == School.Id && a.AcademicYear == year);
    }
}
