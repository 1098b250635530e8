using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Account;

[EnableRateLimiting(WebSetup.SignInRateLimit)]
public class ResetPasswordModel(PasswordReset reset) : PageModel
{
    /// <summary>Shown for a link that is wrong, used or out of date, so that nothing tells one from another.</summary>
    public const string LinkFailure = "This link has expired or has already been used. Ask for a new one";

    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a new password")]
    [StringLength(PasswordPolicy.MaximumLength, MinimumLength = PasswordPolicy.MinimumLength, ErrorMessage = "Password must be between 8 and 128 characters")]
    [Display(Name = "New password")]
    public string? NewPassword { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the new password again")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same")]
    [Display(Name = "Confirm new password")]
    public string? ConfirmPassword { get; set; }

    public bool LinkIsUsable => UserId != Guid.Empty && !string.IsNullOrEmpty(Token);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!LinkIsUsable)
        {
            ModelState.AddModelError(string.Empty, LinkFailure);
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        var result = await reset.ResetAsync(HttpContext.GetActor(), UserId, Token!, NewPassword!, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = "Your password has been changed. Sign in with your new password.";
            return Redirect("/account/sign-in");
        }

        foreach (var error in result.Errors)
        {
            if (error.Code == "InvalidToken")
            {
                ModelState.AddModelError(string.Empty, LinkFailure);
            }
            else
            {
                ModelState.AddModelError(nameof(NewPassword), error.Description);
            }
        }

        return this.PageWithErrors();
    }
}
