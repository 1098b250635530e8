using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople;

public class EditModel(YoungPersonAccess access, ParticipationService participation) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter their given name")]
    [StringLength(100, ErrorMessage = "Given name must be 100 characters or fewer")]
    public string? GivenName { get; set; }

    [BindProperty]
    public string? MiddleNames { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter their family name")]
    [StringLength(100, ErrorMessage = "Family name must be 100 characters or fewer")]
    public string? FamilyName { get; set; }

    [BindProperty]
    public string? PreferredGivenName { get; set; }

    [BindProperty]
    public string? PreferredFamilyName { get; set; }

    [BindProperty]
    public DateInput DateOfBirth { get; set; } = new();

    [BindProperty]
    public string? Gender { get; set; }

    [BindProperty]
    public string? EthnicityCode { get; set; }

    [BindProperty]
    public string? AddressLine1 { get; set; }

    [BindProperty]
    public string? AddressLine2 { get; set; }

    [BindProperty]
    public string? Town { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    [BindProperty]
    [Phone(ErrorMessage = "Enter a phone number, like 07700 900 982")]
    public string? Phone { get; set; }

    [BindProperty]
    public string? ContactPreference { get; set; }

    [BindProperty]
    public string? Upn { get; set; }

    [BindProperty]
    public string? Uln { get; set; }

    [BindProperty]
    public string? EducatedLaCode { get; set; }

    [BindProperty]
    public string? LaCodeAtYear11 { get; set; }

    [BindProperty]
    public string? LevelOfNeed { get; set; }

    [BindProperty]
    public string? Send { get; set; }

    public string DisplayName { get; private set; } = "";
    public YoungPerson? Latest { get; private set; }

    public IReadOnlyList<SelectListItem> Genders { get; } = [new("Female", "F"), new("Male", "M"), new("Unknown", "U"), new("Withheld", "W")];
    public IReadOnlyList<SelectListItem> Ethnicities { get; } = EthnicityCodes.All.Select(e => new SelectListItem(e.Value, e.Key)).ToList();
    public IReadOnlyList<SelectListItem> Needs { get; } = [new("1: intensive support", "1"), new("2: supported", "2"), new("3: minimum intervention", "3")];
    public IReadOnlyList<SelectListItem> SendOptions { get; } = [new("EHC plan", "ehc"), new("SEN support (no EHC plan)", "sen-support"), new("Neither", "none")];
    public IReadOnlyList<SelectListItem> Preferences { get; } = [new("No preference", ""), new("Text message", "Text message"), new("Phone call", "Phone call"), new("Email", "Email"), new("Letter", "Letter")];

    public async Task<IActionResult> OnGetAsync()
    {
        var person = await LoadAsync();
        if (person is null)
        {
            return NotFound();
        }

        Version = person.Version;
        GivenName = person.GivenName;
        MiddleNames = person.MiddleNames;
        FamilyName = person.FamilyName;
        PreferredGivenName = person.PreferredGivenName;
        PreferredFamilyName = person.PreferredFamilyName;
        DateOfBirth = DateInput.From(person.DateOfBirth);
        Gender = person.Gender.ToString();
        EthnicityCode = person.EthnicityCode;
        AddressLine1 = person.AddressLine1;
        AddressLine2 = person.AddressLine2;
        Town = person.Town;
        Postcode = person.Postcode;
        Email = person.Email;
        Phone = person.Phone;
        ContactPreference = person.ContactPreference;
        Upn = person.Upn;
        Uln = person.Uln;
        EducatedLaCode = person.EducatedLaCode;
        LaCodeAtYear11 = person.LaCodeAtYear11;
        LevelOfNeed = person.LevelOfNeed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Send = person.HasEhcPlan ? "ehc" : person.HasSenSupport ? "sen-support" : "none";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var person = await LoadAsync();
        if (person is null)
        {
            return NotFound();
        }

        var dateOfBirth = DateOfBirth.Read(ModelState, nameof(DateOfBirth), "their date of birth", required: true);
        if (!Enum.TryParse<Gender>(Gender, out var gender))
        {
            ModelState.AddModelError(nameof(Gender), "Choose their gender");
        }

        if (EthnicityCode is null || !EthnicityCodes.All.ContainsKey(EthnicityCode))
        {
            ModelState.AddModelError(nameof(EthnicityCode), "Choose their ethnicity");
        }

        if (LevelOfNeed is not ("1" or "2" or "3"))
        {
            ModelState.AddModelError(nameof(LevelOfNeed), "Choose a level of need");
        }

        if (Send is not ("ehc" or "sen-support" or "none"))
        {
            ModelState.AddModelError(nameof(Send), "Choose their special educational needs provision");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        try
        {
            await participation.UpdateDetailsAsync(HttpContext.GetActor(), new UpdateDetailsOptions(Id, Version, GivenName!, MiddleNames, FamilyName!, PreferredGivenName,
                PreferredFamilyName, dateOfBirth!.Value, gender, EthnicityCode!, AddressLine1, AddressLine2, Town, Postcode, Email, Phone, ContactPreference, Upn, Uln,
                int.Parse(LevelOfNeed!, System.Globalization.CultureInfo.InvariantCulture), Send == "ehc", Send == "sen-support", EducatedLaCode, LaCodeAtYear11));
        }
        catch (RuleViolationException ex)
        {
            foreach (var violation in ex.Violations)
            {
                ModelState.AddModelError(violation.Field switch { "HasSenSupport" => nameof(Send), "Characteristics" => nameof(Gender), _ => violation.Field }, violation.Message);
            }

            return this.PageWithErrors();
        }
        catch (ConcurrencyConflictException)
        {
            // Keep everything the user typed in the form; show what is saved now beside it.
            Latest = await LoadAsync();
            Version = Latest!.Version;
            ModelState.Remove(nameof(Version));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = "Details saved";
        return Redirect($"/young-people/{Id}");
    }

    private async Task<YoungPerson?> LoadAsync()
    {
        var actor = HttpContext.GetActor();
        if (!ParticipationService.CanChange(actor))
        {
            return null;
        }

        var person = await access.VisibleTo(actor).AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id);
        DisplayName = person?.DisplayName ?? "";
        return person;
    }
}
