using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Admin.Users;

public sealed record UserRow(string DisplayName, string Email, WaypointRole Role, string? Organisation, bool TwoFactor, DateTime? LastSignInAt, bool LockedOut);

public class IndexModel(WaypointDbContext db, UserAdministration administration, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Roles { get; } =
        [new("Choose a role", ""), .. Enum.GetValues<WaypointRole>().Where(r => r.IsStaff()).Select(r => new SelectListItem(r.DisplayName(), r.ToString()))];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Enter the person's name")]
    [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string? DisplayName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter an email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a role")]
    public string? Role { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose an organisation")]
    public string? OrganisationId { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a first password")]
    public string? Password { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        WaypointRole role = default;
        if (Role is not null && !WaypointRoles.TryParse(Role, out role))
        {
            ModelState.AddModelError(nameof(Role), "Choose a role");
        }

        if (OrganisationId is not null && !Organisations.Any(o => o.Value == OrganisationId))
        {
            ModelState.AddModelError(nameof(OrganisationId), "Choose an organisation in your area");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        try
        {
            await administration.AddUserAsync(HttpContext.GetActor(), new AddUserOptions(Email!, DisplayName!, role, Password!, Guid.Parse(OrganisationId!)));
        }
        catch (UserAdministrationException ex)
        {
            var field = ex.Message.Contains("Password", StringComparison.OrdinalIgnoreCase) ? nameof(Password)
                : ex.Message.Contains("email", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("taken", StringComparison.OrdinalIgnoreCase) ? nameof(Email)
                : nameof(OrganisationId);
            ModelState.AddModelError(field, ex.Message.Contains("taken", StringComparison.OrdinalIgnoreCase) ? "A user with this email address already exists" : ex.Message);
            return this.PageWithErrors();
        }

        TempData["Success"] = $"{DisplayName} can now sign in";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var laCode = HttpContext.GetActor().LaCode;
        var now = clock.GetUtcNow();
        var organisations = await db.Organisations.Where(o => o.LaCode == laCode).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        Organisations = [new("Choose an organisation", ""), .. organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
        var rows = await db.Users.Where(u => u.Organisation != null && u.Organisation.LaCode == laCode)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.DisplayName, u.Email, u.Role, Organisation = u.Organisation!.Name, u.TwoFactorEnabled, u.LastSignInAt, u.LockoutEnd })
            .ToListAsync();
        Users = rows.Select(u => new UserRow(u.DisplayName, u.Email!, u.Role, u.Organisation, u.TwoFactorEnabled, u.LastSignInAt, u.LockoutEnd > now)).ToList();
    }
}
