using System.Text;
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

    /// <summary>A CSV download, UTF-8 with a byte-order mark so spreadsheet programs read accented names right.</summary>
    public static FileContentResult CsvFile(this PageModel page, string csv, string fileName) =>
        page.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", fileName);
}
