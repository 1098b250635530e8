using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Account;

[EnableRateLimiting(WebSetup.SignInRateLimit)]
public class ForgotPasswordModel(PasswordReset reset, WaypointSettings settings, ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    /// <summary>Set after a request: the page then says the same whether or not the address has an account.</summary>
    public bool Sent { get; private set; }

    /// <summary>False when no public address is configured (outside demo mode): the page then says to ask an administrator.</summary>
    public bool Available => settings.ResetLinkBase(Request) is not null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        if (settings.ResetLinkBase(Request) is not { } siteUrl)
        {
            logger.LogWarning("A password reset was asked for, but Waypoint:PublicUrl is not set, so no link can be sent");
            return Page();
        }

        await reset.RequestAsync(HttpContext.GetActor(), Email!,
            (userId, token) => new Uri($"{siteUrl}/account/reset-password?user={userId}&token={token}"), cancellationToken);
        Sent = true;
        return Page();
    }
}
