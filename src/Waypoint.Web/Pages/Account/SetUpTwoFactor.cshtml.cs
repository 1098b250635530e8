using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Audit;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Account;

[Authorize]
public class SetUpTwoFactorModel(UserManager<WaypointUser> userManager, SignInManager<WaypointUser> signInManager, AuditTrail audit, WaypointSettings settings) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
    public string? Code { get; set; }

    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public bool Required => settings.RequireStaffTwoFactor == true;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (ModelState.IsValid)
        {
            var code = Code!.Replace(" ", "", StringComparison.Ordinal);
            if (await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await userManager.SetTwoFactorEnabledAsync(user, true);
                await audit.RecordAsync(HttpContext.GetActor(), AuditActions.TwoFactorEnabled, entityType: "User", entityId: user.Id.ToString());
                await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
                TempData["Success"] = "Two-factor sign-in is now on for your account";
                return Redirect(RoleNavigation.HomePath(user.Role));
            }

            ModelState.AddModelError(nameof(Code), "The code is not right. Enter the current code from your authenticator app");
        }

        await LoadKeyAsync(user);
        return this.PageWithErrors();
    }

    private async Task LoadKeyAsync(WaypointUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user);
        }

        var grouped = new StringBuilder();
        for (var i = 0; i < key!.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        SharedKey = grouped.ToString().TrimEnd().ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Waypoint")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Waypoint&digits=6";
    }
}
