using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Prospectus;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Me.Applications;

public class DetailsModel(ApplicationService applications) : PageModel
{
    public CourseApplication Application { get; private set; } = null!;
    public Course Course { get; private set; } = null!;
    public string ProviderName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        await ActAsync(id, () => applications.AcceptAsync(HttpContext.GetActor(), id, ct), "You have accepted this offer", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        await ActAsync(id, () => applications.WithdrawAsync(HttpContext.GetActor(), id, ct), "Application withdrawn", ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        catch (RuleViolationException e)
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            foreach (var v in e.Violations)
            {
                ModelState.AddModelError("application", v.Message);
            }

            return this.PageWithErrors();
        }

        TempData["Success"] = done;
        return Redirect($"/me/applications/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var mine = await applications.ForYoungPersonAsync(HttpContext.GetActor(), ct);
        var found = mine.SingleOrDefault(m => m.Application.Id == id);
        if (found.Application is null)
        {
            return false;
        }

        (Application, Course, ProviderName) = found;
        return true;
    }
}
