using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Pages.Me.Applications;

public class ProfileModel(ApplicationService applications) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Qualifications { get; set; }
    [BindProperty] public string? Interests { get; set; }
    [BindProperty] public string? SupportNeeds { get; set; }
    [BindProperty] public string? RefereeName { get; set; }
    [BindProperty] public string? RefereeEmail { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var p = await applications.ProfileAsync(HttpContext.GetActor(), ct);
        (Email, Phone, Qualifications, Interests, SupportNeeds, RefereeName, RefereeEmail) = (p.Email, p.Phone, p.Qualifications, p.Interests, p.SupportNeeds, p.RefereeName, p.RefereeEmail);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Email is not null && !System.Net.Mail.MailAddress.TryCreate(Email, out _))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        }

        if (RefereeEmail is not null && !System.Net.Mail.MailAddress.TryCreate(RefereeEmail, out _))
        {
            ModelState.AddModelError(nameof(RefereeEmail), "Enter your referee's email address in the correct format, like name@example.com");
        }

        foreach (var (name, value) in new[] { (nameof(Qualifications), Qualifications), (nameof(Interests), Interests), (nameof(SupportNeeds), SupportNeeds) })
        {
            if (value?.Length > 2000)
            {
                ModelState.AddModelError(name, "Write 2,000 characters or fewer");
            }
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        await applications.SaveProfileAsync(HttpContext.GetActor(), new SaveProfileOptions(Email, Phone, Qualifications, Interests, SupportNeeds, RefereeName, RefereeEmail), ct);
        TempData["Success"] = "Your profile has been saved";
        return Redirect("/me/applications");
    }
}
