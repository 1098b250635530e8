using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Web.Infrastructure;

public static class PageModelExtensions
{
    /// <summary>Re-renders the same page with its error summary and a 400, the GOV.UK pattern for a failed form.</summary>
    public static IActionResult PageWithErrors(this PageModel page)
    {
        var result = page.Page();
        page.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }
}
