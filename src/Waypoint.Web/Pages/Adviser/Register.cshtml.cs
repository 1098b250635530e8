using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Waypoint.Core.Casework;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Adviser;

/// <summary>The adviser register: an adviser keeps their own qualifications, CPD and training-needs audit; the LA administrator sees everyone, and who is unqualified or overdue.</summary>
public class RegisterModel(AdviserRegister register, CaseloadService caseloads, CaseworkOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Problems { get; set; }

    [BindProperty]
    public string? Level { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateInput AwardedOn { get; set; } = new();

    [BindProperty]
    public string? CpdTitle { get; set; }

    [BindProperty]
    public string? Hours { get; set; }

    [BindProperty]
    public DateInput CompletedOn { get; set; } = new();

    [BindProperty]
    public string? ProfessionalBody { get; set; }

    [BindProperty]
    public string? RegistrationNumber { get; set; }

    [BindProperty]
    public DateInput TrainingNeedsAuditOn { get; set; } = new();

    [BindProperty]
    public string? TeamLeaderUserId { get; set; }

    public bool IsAdviser { get; private set; }
    public int MinimumLevel => options.MinimumQualificationLevel;
    public IReadOnlyList<AdviserRegisterEntry> Entries { get; private set; } = [];
    public IReadOnlyList<AdviserQualification> Qualifications { get; private set; } = [];
    public IReadOnlyList<CpdEntry> Cpd { get; private set; } = [];
    public IReadOnlyList<SelectListItem> TeamLeaders { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync(fillProfile: true);

    public Task<IActionResult> OnPostProfileAsync() => ChangeAsync(async actor =>
    {
        var audited = TrainingNeedsAuditOn.Read(ModelState, nameof(TrainingNeedsAuditOn), "the date of your last training-needs audit", required: false);
        Guid? leader = Guid.TryParse(TeamLeaderUserId, out var l) ? l : null;
        if (ModelState.IsValid)
        {
            await register.SaveProfileAsync(actor, ProfessionalBody, RegistrationNumber, audited, leader);
        }
    }, "Register entry saved");

    public Task<IActionResult> OnPostQualificationAsync() => ChangeAsync(async actor =>
    {
        var awarded = AwardedOn.Read(ModelState, nameof(AwardedOn), "the date it was awarded", required: true);
        if (!int.TryParse(Level, out var level))
        {
            ModelState.AddModelError(nameof(Level), "Choose the level of the qualification");
        }

        if (ModelState.IsValid)
        {
            await register.AddQualificationAsync(actor, level, Title ?? "", awarded!.Value);
        }
    }, "Qualification added");

    public Task<IActionResult> OnPostCpdAsync() => ChangeAsync(async actor =>
    {
        var completed = CompletedOn.Read(ModelState, nameof(CompletedOn), "the date of the training", required: true);
        if (!double.TryParse(Hours, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var hours))
        {
            ModelState.AddModelError(nameof(Hours), "Enter the hours as a number, like 3 or 1.5");
        }

        if (ModelState.IsValid)
        {
            await register.AddCpdAsync(actor, CpdTitle ?? "", completed!.Value, hours);
        }
    }, "CPD recorded");

    private async Task<IActionResult> ChangeAsync(Func<Core.Access.Actor, Task> change, string success)
    {
        var actor = HttpContext.GetActor();
        if (actor.Role != WaypointRole.PersonalAdviser)
        {
            return Redirect("/errors/403");
        }

        try
        {
            await change(actor);
        }
        catch (RuleViolationException ex)
        {
            foreach (var v in ex.Violations)
            {
                ModelState.AddModelError(v.Field, v.Message);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(fillProfile: false);
            return this.PageWithErrors();
        }

        TempData["Success"] = success;
        return RedirectToPage();
    }

    private async Task LoadAsync(bool fillProfile)
    {
        var actor = HttpContext.GetActor();
        IsAdviser = actor.Role == WaypointRole.PersonalAdviser;
        Entries = await register.ListAsync(actor, Problems);
        if (IsAdviser && actor.UserId is { } me)
        {
            Qualifications = await register.QualificationsAsync(me);
            Cpd = await register.CpdAsync(me);
            var profile = await register.ProfileAsync(me);
            if (fillProfile)
            {
                ProfessionalBody = profile.ProfessionalBody;
                RegistrationNumber = profile.RegistrationNumber;
                TrainingNeedsAuditOn = DateInput.From(profile.TrainingNeedsAuditOn);
                TeamLeaderUserId = profile.TeamLeaderUserId?.ToString();
            }

            var advisers = await caseloads.TeamLoadAsync(actor, null);
            TeamLeaders = [new("No team leader", ""), .. advisers.Where(a => a.UserId != me).Select(a => new SelectListItem(a.Name, a.UserId.ToString()))];
        }
    }
}
