using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Account;

[Authorize]
public class IndexModel(UserManager<WaypointUser> userManager, SignInManager<WaypointUser> signInManager, WaypointDbContext db, AuditTrail audit) : PageModel
{
    public WaypointUser Account { get; private set; } = null!;
    public string? OrganisationName { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your current password")]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a new password")]
    [StringLength(PasswordPolicy.MaximumLength, MinimumLength = PasswordPolicy.MinimumLength, ErrorMessage = "Password must be between 8 and 128 characters")]
    public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : RedirectToPage("/Account/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        var result = await userManager.ChangePasswordAsync(Account, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword),
                    error.Code == "PasswordMismatch" ? "Your current password is not right" : error.Description);
            }

            return this.PageWithErrors();
        }

        await audit.RecordAsync(HttpContext.GetActor(), "account.password-changed", entityType: "User", entityId: Account.Id.ToString());
        await signInManager.RefreshSignInAsync(Account);
        TempData["Success"] = "Your password has been changed";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        Account = user;
        OrganisationName = user.OrganisationId is null ? null : await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync();
        return true;
    }
}
