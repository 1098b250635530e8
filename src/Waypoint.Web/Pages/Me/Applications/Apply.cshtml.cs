using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Prospectus;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Me.Applications;

/// <summary>Apply for one course: the shared profile is shown, the personal statement is written for this course.</summary>
public class ApplyModel(ApplicationService applications, WaypointDbContext db) : PageModel
{
    public const int StatementLimit = 4000;

    [BindProperty]
    public string? PersonalStatement { get; set; }

    public Course Course { get; private set; } = null!;
    public string ProviderName { get; private set; } = "";
    public ApplicantProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid courseId, CancellationToken ct) =>
        await LoadAsync(courseId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid courseId, CancellationToken ct)
    {
        if (!await LoadAsync(courseId, ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(PersonalStatement))
        {
            ModelState.AddModelError(nameof(PersonalStatement), "Enter your personal statement");
        }
        else if (PersonalStatement.Length > StatementLimit)
        {
            ModelState.AddModelError(nameof(PersonalStatement), $"Your personal statement must be {StatementLimit:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        try
        {
            var application = await applications.ApplyAsync(HttpContext.GetActor(), new ApplyOptions(courseId, PersonalStatement!), ct);
            TempData["Success"] = $"Application sent: {Course.Title}";
            return Redirect($"/me/applications/{application.Id}");
        }
        catch (RuleViolationException e)
        {
            foreach (var v in e.Violations)
            {
                ModelState.AddModelError(v.Field == "CourseId" ? nameof(PersonalStatement) : v.Field, v.Message);
            }

            return this.PageWithErrors();
        }
    }

    private async Task<bool> LoadAsync(Guid courseId, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId && c.IsPublished, ct);
        if (course is null)
        {
            return false;
        }

        Course = course;
        ProviderName = await db.Organisations.Where(o => o.Id == course.ProviderId).Select(o => o.Name).SingleAsync(ct);
        Profile = await applications.ProfileAsync(HttpContext.GetActor(), ct);
        return true;
    }
}
