using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;

namespace Waypoint.Web.Pages.School.Careers;

public sealed record PlanningSuggestion(CareersMeasure Measure, int YearGroup, int Pupils, CareersActivityType Activity, IReadOnlyList<string> Partners);

/// <summary>Suggestions from the gaps: per measure and year group, how many pupils, what to run and who in the directory offers it.</summary>
public class PlanningModel(CareersService careers, CareersMeasuresService measures, WaypointDbContext db, TimeProvider clock) : CareersPageModel(careers, clock)
{
    public IReadOnlyList<PlanningSuggestion> Suggestions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var school = await measures.ForSchoolAsync(Actor, School.Id, Today);
        var partners = await db.CareersPartners.AsNoTracking().Where(p => p.LaCode == School.LaCode).ToListAsync();
        Suggestions = CareersMeasures.All
            .SelectMany(m => school.Gaps(m).GroupBy(p => p.Pupil.YearGroup).Select(g => (Measure: m, Year: g.Key, Count: g.Count())))
            .OrderByDescending(s => s.Count)
            .Select(s =>
            {
                var activity = CareersMeasures.SuggestedActivity(s.Measure);
                return new PlanningSuggestion(s.Measure, s.Year, s.Count, activity,
                    partners.Where(p => p.Offers().Contains(activity)).OrderByDescending(p => p.IsStem).Select(p => p.Name).Take(3).ToList());
            }).ToList();
    }
}
