using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Careers;
using Waypoint.Core.Organisations;

namespace Waypoint.Web.Pages.School.Careers;

/// <summary>The school the signed-in Careers Leader or member of staff works at; anyone else is sent to 403.</summary>
public abstract class CareersPageModel(CareersService careers, TimeProvider clock) : PageModel
{
    protected CareersService Careers { get; } = careers;
    public Organisation School { get; private set; } = null!;
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    protected Actor Actor => HttpContext.GetActor();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await Careers.SchoolOfAsync(HttpContext.GetActor(), HttpContext.RequestAborted) is not { } school)
        {
            context.Result = new RedirectResult("/errors/403");
            return;
        }

        School = school;
        await next();
    }

    protected void AddErrors(CareersValidationException ex)
    {
        foreach (var (field, message) in ex.Errors)
        {
            ModelState.AddModelError(field, message);
        }
    }
}
