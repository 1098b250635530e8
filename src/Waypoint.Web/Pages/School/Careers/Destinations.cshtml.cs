using Waypoint.Core.Careers;

namespace Waypoint.Web.Pages.School.Careers;

/// <summary>Where the school's Year 11 leavers went, per leaving year for three years (Gatsby Benchmark 3).</summary>
public class DestinationsModel(CareersService careers, DestinationsService destinations, TimeProvider clock) : CareersPageModel(careers, clock)
{
    public IReadOnlyList<LeavingYearDestinations> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Years = await destinations.ForSchoolAsync(Actor, School.Id, ct);
}
