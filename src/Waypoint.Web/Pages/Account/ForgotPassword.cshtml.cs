using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Account;

[EnableRateLimiting(WebSetup.SignInRateLimit)]
public class ForgotPasswordModel(PasswordReset reset, IConfiguration configuration) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    /// <summary>Set after a request: the page then says the same whether or not the address has an account.</summary>
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        // The link goes to the address emails use (Waypoint:PublicUrl) when it is set, so a forged Host header cannot
        // send someone's reset link elsewhere; without it (the demo), to the address this request came to.
        var siteUrl = (configuration["Waypoint:PublicUrl"] is { Length: > 0 } configured ? configured : $"{Request.Scheme}://{Request.Host}").TrimEnd('/');
        await reset.RequestAsync(HttpContext.GetActor(), Email!,
            (userId, token) => new Uri($"{siteUrl}/account/reset-password?user={userId}&token={token}"), cancellationToken);
        Sent = true;
        return Page();
    }
}
