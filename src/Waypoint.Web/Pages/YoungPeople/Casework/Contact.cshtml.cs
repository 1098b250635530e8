using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Casework;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople.Casework;

/// <summary>One page for a contact and the action agreed in it: advisers record these between appointments, in one go.</summary>
public class ContactModel(YoungPersonAccess access, CaseworkService casework, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DateInput OccurredOn { get; set; } = new();

    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? DurationMinutes { get; set; }

    [BindProperty]
    public string? Location { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Sensitivity { get; set; } = nameof(NoteSensitivity.None);

    [BindProperty]
    public string? ActionDescription { get; set; }

    [BindProperty]
    public string? ActionOwner { get; set; } = nameof(Core.Casework.ActionOwner.YoungPerson);

    [BindProperty]
    public DateInput ActionDueOn { get; set; } = new();

    public YoungPerson Person { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Types { get; } = [new("Choose the kind of contact", ""), .. Enum.GetValues<ContactType>().Select(t => new SelectListItem(CaseworkText.Describe(t), t.ToString()))];
    public IReadOnlyList<SelectListItem> Channels { get; } = [new("Choose how you were in touch", ""), .. Enum.GetValues<ContactChannel>().Select(c => new SelectListItem(CaseworkText.Describe(c), c.ToString()))];
    public IReadOnlyList<SelectListItem> Sensitivities { get; } = Enum.GetValues<NoteSensitivity>().Select(s => new SelectListItem(s == NoteSensitivity.None ? "No, the note is not sensitive" : $"Yes: {CaseworkText.Describe(s).ToLowerInvariant()}", s.ToString())).ToList();
    public IReadOnlyList<SelectListItem> Owners { get; } = Enum.GetValues<ActionOwner>().Select(o => new SelectListItem(CaseworkText.Describe(o), o.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        OccurredOn = DateInput.From(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var occurredOn = OccurredOn.Read(ModelState, nameof(OccurredOn), "the date of the contact", required: true);
        var type = Parse<ContactType>(Type, nameof(Type), "Choose the kind of contact");
        var channel = Parse<ContactChannel>(Channel, nameof(Channel), "Choose how you were in touch");
        var sensitivity = Parse<NoteSensitivity>(Sensitivity, nameof(Sensitivity), "Choose whether the note is sensitive");
        int? minutes = null;
        if (!string.IsNullOrEmpty(DurationMinutes))
        {
            if (int.TryParse(DurationMinutes, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m))
            {
                minutes = m;
            }
            else
            {
                ModelState.AddModelError(nameof(DurationMinutes), "Enter the duration as a whole number of minutes, like 45");
            }
        }

        var actions = new List<NewPlanAction>();
        var due = ActionDueOn.Read(ModelState, nameof(ActionDueOn), "the date the action is due", required: false);
        if (!string.IsNullOrEmpty(ActionDescription))
        {
            var owner = Parse<ActionOwner>(ActionOwner, nameof(ActionOwner), "Choose who will do the action");
            actions.Add(new NewPlanAction(ActionDescription, owner ?? Core.Casework.ActionOwner.YoungPerson, due));
        }
        else if (due is not null)
        {
            ModelState.AddModelError(nameof(ActionDescription), "Enter what needs to be done by that date");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        try
        {
            await casework.RecordContactAsync(HttpContext.GetActor(), new RecordContactOptions(
                Id, occurredOn!.Value, channel!.Value, type!.Value, minutes, Location, Outcome, Note, sensitivity!.Value, actions));
        }
        catch (RuleViolationException ex)
        {
            foreach (var v in ex.Violations)
            {
                ModelState.AddModelError(v.Field, v.Message);
            }

            return this.PageWithErrors();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = actions.Count > 0 ? "Contact and action recorded" : "Contact recorded";
        return Redirect($"/young-people/{Id}/casework");
    }

    private T? Parse<T>(string? value, string key, string message) where T : struct, Enum
    {
        if (Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        ModelState.AddModelError(key, message);
        return null;
    }

    private async Task<bool> LoadAsync()
    {
        var actor = HttpContext.GetActor();
        if (!CaseworkService.CanDoCasework(actor))
        {
            return false;
        }

        var person = await access.VisibleTo(actor).AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id);
        Person = person!;
        return person is not null;
    }
}
