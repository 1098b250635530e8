using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Audit;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Account;

public class SignOutModel(SignInManager<WaypointUser> signInManager, AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(HttpContext.GetActor(), AuditActions.SignOut);
            await signInManager.SignOutAsync();
        }

        return Page();
    }
}
