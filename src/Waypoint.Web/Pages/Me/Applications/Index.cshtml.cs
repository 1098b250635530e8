using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Pages.Me.Applications;

public class IndexModel(ApplicationService applications) : PageModel
{
    public List<(CourseApplication Application, Course Course, string ProviderName)> Applications { get; private set; } = [];

    public int Max => applications.MaxApplications;

    public async Task OnGetAsync(CancellationToken ct) =>
        Applications = await applications.ForYoungPersonAsync(HttpContext.GetActor(), ct);
}
