using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Journeys;
using Waypoint.Core.Prospectus;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Provider.Courses;

/// <summary>An LA administrator loads a provider's course list: upload and preview (nothing saved), then save.</summary>
[RequestSizeLimit(MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + (64 * 1024))]
public class ImportModel(CourseImport import, CourseService courses, JourneyStore journeys) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;
    private const string JourneyKind = "course-import";

    public sealed record PendingState(Guid ProviderId, string FileName, byte[] File);

    [BindProperty] public string? ProviderId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public Guid? Journey { get; set; }

    public CourseImportOutcome? Preview { get; private set; }
    public IReadOnlyList<SelectListItem> Providers { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        // Only the LA loads another organisation's list; providers add their own courses one by one.
        if (HttpContext.GetActor().Role != WaypointRole.LaAdministrator)
        {
            context.Result = Forbid();
            return;
        }

        Providers = [new("Choose a provider", ""), .. (await courses.ProvidersFor(HttpContext.GetActor()).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Guid.TryParse(ProviderId, out var providerId))
        {
            ModelState.AddModelError(nameof(ProviderId), "Choose the provider whose courses these are");
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose the CSV file of courses");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file must be smaller than 2 MB");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer, ct);
        var fileName = Path.GetFileName(Upload.FileName);
        var actor = HttpContext.GetActor();
        try
        {
            Preview = await import.RunAsync(actor, providerId, buffer.ToArray(), fileName, commit: false, ct);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(nameof(ProviderId), e.Violations[0].Message);
            return this.PageWithErrors();
        }

        if (Preview.FileError is { } error)
        {
            ModelState.AddModelError(nameof(Upload), $"{fileName}: {error}");
            Preview = null;
            return this.PageWithErrors();
        }

        Journey = await journeys.StartAsync(actor.UserId!.Value, JourneyKind, null, new PendingState(providerId, fileName, buffer.ToArray()), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var state = Journey is { } id ? await journeys.GetAsync<PendingState>(id, actor.UserId!.Value, JourneyKind, ct) : null;
        if (state is null)
        {
            ModelState.AddModelError(nameof(Upload), "The file is no longer waiting to be saved. Upload it again");
            return this.PageWithErrors();
        }

        var outcome = await import.RunAsync(actor, state.ProviderId, state.File, state.FileName, commit: true, ct);
        await journeys.EndAsync(Journey!.Value, actor.UserId!.Value, ct);
        TempData["Success"] = $"{state.FileName} loaded: {outcome.Created} courses added, {outcome.Updated} changed, {outcome.Unchanged} already up to date";
        return Redirect("/provider/courses");
    }
}
