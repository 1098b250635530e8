using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Audit;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Account;

/// <summary>Starts and finishes OpenID Connect sign-in; see docs/adr/0003-sign-in.md.</summary>
public class ExternalModel(SignInManager<WaypointUser> signInManager, UserManager<WaypointUser> userManager, AuditTrail audit, IConfiguration configuration, TimeProvider clock) : PageModel
{
    public string? Problem { get; private set; }

    public IActionResult OnGet()
    {
        if (!OpenIdConnectSetup.IsConfigured(configuration))
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = "/account/external?handler=callback" }, OpenIdConnectSetup.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync()
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        var email = external.Principal?.FindFirstValue(ClaimTypes.Email) ?? external.Principal?.FindFirstValue("email");
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var user = email is null ? null : await userManager.FindByEmailAsync(email);
        var actor = HttpContext.GetActor() with { Name = email ?? "unknown external user" };
        if (!external.Succeeded || user is null || user.IsDisabled || !user.Role.IsStaff())
        {
            await audit.RecordAsync(actor, AuditActions.SignInFailed, AuditOutcome.Failed,
                details: new { reason = user is null ? "no Waypoint account for this identity" : "account cannot sign in this way", provider = OpenIdConnectSetup.Scheme });
            Problem = "Your organisation's account is not linked to a Waypoint account. Ask your Waypoint administrator to add you.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "external")]);
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await userManager.UpdateAsync(user);
        await audit.RecordAsync(actor with { UserId = user.Id, Role = user.Role, OrganisationId = user.OrganisationId },
            AuditActions.ExternalSignIn, entityType: "User", entityId: user.Id.ToString(), details: new { provider = OpenIdConnectSetup.Scheme });
        return Redirect(RoleNavigation.HomePath(user.Role));
    }
}
