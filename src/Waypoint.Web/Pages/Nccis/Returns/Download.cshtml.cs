using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Nccis.Returns;

namespace Waypoint.Web.Pages.Nccis.Returns;

/// <summary>Streams a return's stored XML file, checked against its SHA-256 and audited, under a name that says what it is.</summary>
public class DownloadModel(NccisReturns returns) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        if (await returns.FindAsync(actor, id, ct) is not { } submission
            || await returns.OpenFileAsync(actor, submission, "page", ct) is not { } file)
        {
            return NotFound();
        }

        return File(file, "application/xml", NccisReturns.DownloadFileName(submission));
    }
}
