using Microsoft.AspNetCore.Mvc;
using Waypoint.Core.Access;
using Waypoint.Core.Journeys;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.YoungPeople.RecordActivity;

public sealed record StepError(string Message, string Href);

public class CheckModel(YoungPersonAccess access, JourneyStore journeys, CurrencyOptions currency, ParticipationService participation) : RecordActivityPageModel(access, journeys, currency)
{
    private readonly JourneyStore journeyStore = journeys;

    public IReadOnlyList<StepError> Errors { get; private set; } = [];
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return State.Source is null ? Redirect(StepUrl("where")) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var actor = HttpContext.GetActor();
        try
        {
            await participation.RecordActivityAsync(actor, new RecordActivityOptions(Id, State.Version, State.ToEntry(), State.EstablishmentName, State.Source ?? "Other"));
        }
        catch (RuleViolationException ex)
        {
            Errors = ex.Violations.Select(v => new StepError(v.Message, $"{StepUrl(StepFor(v.Field))}#{v.Field}")).ToList();
            return this.PageWithErrors();
        }
        catch (ConcurrencyConflictException)
        {
            // The user has now seen that the record changed; their answers are kept and a second submit records them.
            Conflict = true;
            State.Version = await participation.CurrentVersionAsync(actor, Id) ?? State.Version;
            await SaveStateAsync();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        await journeyStore.EndAsync(Journey, actor.UserId!.Value);
        TempData["Success"] = $"Activity recorded: {State.Code} {ActivityCodes.Describe(State.Code!)}";
        return Redirect($"/young-people/{Id}#timeline");
    }

    private static string StepFor(string field) => field switch
    {
        "Code" => "what",
        "EstablishmentNumber" or "Ukprn" => "where",
        _ => "when",
    };
}
