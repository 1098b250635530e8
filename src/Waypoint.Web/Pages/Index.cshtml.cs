using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Web.Pages;

public class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        RoleNavigation.RoleOf(User) is { } role ? Redirect(RoleNavigation.HomePath(role)) : RedirectToPage("/Account/SignIn");
}
