using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Journeys;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.YoungPeople.RecordActivity;

/// <summary>The answers so far in "record an activity": what, when, where, then check answers.</summary>
public sealed class RecordActivityState
{
    public Guid Version { get; set; }
    public string? Code { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? DateAscertained { get; set; }
    public DateOnly? DateVerified { get; set; }
    public DateOnly? ReviewDate { get; set; }
    public DateOnly? PredictedEndDate { get; set; }
    public DateOnly? NeetStartDate { get; set; }
    public Guid? EstablishmentOrganisationId { get; set; }
    public string? EstablishmentName { get; set; }
    public string? EstablishmentNumber { get; set; }
    public string? Ukprn { get; set; }
    public string? Source { get; set; }

    public ActivityEntry ToEntry() => new(Code, StartDate, DateAscertained, DateVerified, ReviewDate, PredictedEndDate, NeetStartDate, EstablishmentNumber, Ukprn);
}

public sealed record JourneyPerson(Guid Id, string DisplayName, string? CurrentActivityCode);

/// <summary>Shared by the journey's pages: loads the person (through the access rules) and the saved answers.</summary>
public abstract class RecordActivityPageModel(YoungPersonAccess access, JourneyStore journeys, CurrencyOptions currency) : PageModel
{
    public const string Kind = "record-activity";
    public static readonly string[] Sources =
    [
        "Phone call with the young person", "Face-to-face contact", "Text or email from the young person", "School or college",
        "Learning provider notification", "Parent or carer", "Jobcentre Plus", "Youth justice or social care", "Other",
    ];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public JourneyPerson Person { get; private set; } = null!;
    public RecordActivityState State { get; private set; } = null!;
    protected CurrencyOptions Currency => currency;

    public string StepUrl(string step) => $"/young-people/{Id}/activity/{Journey}/{step}";

    public bool NeedsNeetStartDate => State.Code is { } c && ActivityCodes.Neet.Contains(c);
    public bool NeedsReviewDate => State.Code is { } c && (currency.ReviewDateRequiredCodes.Contains(c) || currency.ReviewDateCodes.Contains(c));
    public bool NeedsPredictedEndDate => State.Code is { } c && int.TryParse(c, out var n) && (n is >= 110 and <= 150 or >= 210 and <= 290 or >= 410 and <= 460);

    /// <summary>Null when the journey or the person is not this user's to see: the caller answers 404.</summary>
    protected async Task<bool> LoadAsync()
    {
        var actor = HttpContext.GetActor();
        if (!ParticipationService.CanChange(actor) || actor.UserId is not { } userId)
        {
            return false;
        }

        var state = await journeys.GetAsync<RecordActivityState>(Journey, userId, Kind);
        var person = await access.VisibleTo(actor).Where(p => p.Id == Id)
            .Select(p => new JourneyPerson(p.Id, (p.PreferredGivenName ?? p.GivenName) + " " + (p.PreferredFamilyName ?? p.FamilyName), p.CurrentActivityCode))
            .SingleOrDefaultAsync();
        if (state is null || person is null)
        {
            return false;
        }

        State = state;
        Person = person;
        return true;
    }

    protected Task SaveStateAsync() => journeys.SaveAsync(Journey, HttpContext.GetActor().UserId!.Value, State);
}
