using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waypoint.Core.Audit;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Account;

[EnableRateLimiting(WebSetup.SignInRateLimit)]
public class TwoFactorModel(SignInManager<WaypointUser> signInManager, UserManager<WaypointUser> userManager, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        var code = Code!.Replace(" ", "", StringComparison.Ordinal);
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var actor = HttpContext.GetActor().AsAccount(user);
        if (result.Succeeded)
        {
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await userManager.UpdateAsync(user);
            await audit.RecordAsync(actor, AuditActions.SignInSucceeded, entityType: "User", entityId: user.Id.ToString(), details: new { secondFactor = "totp" });
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : RoleNavigation.HomePath(user.Role));
        }

        await audit.RecordAsync(actor, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, AuditOutcome.Failed,
            "User", user.Id.ToString(), details: new { reason = "wrong authenticator code" });
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Too many wrong codes. Your account is locked for 15 minutes"
            : "The code is not right. Enter the current code from your authenticator app");
        return this.PageWithErrors();
    }
}
