using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Web.Pages.Errors;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class IndexModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    // Status-code pages re-execute the original request, which may have been a POST.
    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is 403 or 404 or 429 or 500 ? code : 500;
        Response.StatusCode = code;
        return Page();
    }
}
