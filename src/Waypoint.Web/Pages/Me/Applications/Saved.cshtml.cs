using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Prospectus;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Me.Applications;

/// <summary>The young person's saved courses, to apply for later; each is reminded of before its deadline.</summary>
public class SavedModel(ApplicationService applications, ProspectusOptions options) : PageModel
{
    public List<SavedCourseRow> Courses { get; private set; } = [];

    public int ReminderDays => options.DeadlineReminderDays;

    public async Task OnGetAsync(CancellationToken ct) =>
        Courses = await applications.SavedCoursesAsync(HttpContext.GetActor(), ct);

    public async Task<IActionResult> OnPostSaveAsync(Guid courseId, CancellationToken ct)
    {
        try
        {
            await applications.SaveCourseAsync(HttpContext.GetActor(), courseId, ct);
            TempData["Success"] = "Course saved";
        }
        catch (RuleViolationException e)
        {
            TempData["Error"] = e.Violations[0].Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid courseId, CancellationToken ct)
    {
        await applications.RemoveSavedCourseAsync(HttpContext.GetActor(), courseId, ct);
        TempData["Success"] = "Course removed from your saved courses";
        return RedirectToPage();
    }
}
