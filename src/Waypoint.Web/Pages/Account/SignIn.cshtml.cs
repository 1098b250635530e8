using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waypoint.Core.Audit;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Account;

[EnableRateLimiting(WebSetup.SignInRateLimit)]
public class SignInModel(
    SignInManager<WaypointUser> signInManager,
    UserManager<WaypointUser> userManager,
    AuditTrail audit,
    TimeProvider clock,
    IConfiguration configuration) : PageModel
{
    /// <summary>One message for every failure, so the page never says whether an account exists.</summary>
    public const string FailureMessage = "Enter a correct email address and password";

    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ExternalSignInAvailable => OpenIdConnectSetup.IsConfigured(configuration);
    public string ExternalSignInName => configuration[$"{OpenIdConnectSetup.Section}:DisplayName"] ?? "your organisation's account";

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true && RoleNavigation.RoleOf(User) is { } role)
        {
            return Redirect(RoleNavigation.HomePath(role));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        var actor = HttpContext.GetActor();
        var user = await userManager.FindByEmailAsync(Email!);
        if (user is null || user.IsDisabled)
        {
            // Spend the time a real password check takes, so response times do not reveal which emails have accounts.
            userManager.PasswordHasher.HashPassword(new WaypointUser { DisplayName = "" }, Password!);
            await audit.RecordAsync(actor with { Name = Email! }, AuditActions.SignInFailed, AuditOutcome.Failed,
                details: new { reason = user is null ? "unknown email" : "account disabled" });
            ModelState.AddModelError(nameof(Email), FailureMessage);
            return this.PageWithErrors();
        }

        var result = await signInManager.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        var userActor = actor.AsAccount(user);
        if (result.Succeeded)
        {
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await userManager.UpdateAsync(user);
            await audit.RecordAsync(userActor, AuditActions.SignInSucceeded, entityType: "User", entityId: user.Id.ToString());
            return LocalRedirect(SafeReturnUrl(user.Role));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl });
        }

        await audit.RecordAsync(userActor, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed,
            AuditOutcome.Failed, "User", user.Id.ToString(), details: new { reason = result.IsLockedOut ? "locked out" : "wrong password" });
        ModelState.AddModelError(nameof(Email), FailureMessage);
        return this.PageWithErrors();
    }

    private string SafeReturnUrl(WaypointRole role) =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : RoleNavigation.HomePath(role);
}
