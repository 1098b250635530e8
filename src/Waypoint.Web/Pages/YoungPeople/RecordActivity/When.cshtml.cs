using Microsoft.AspNetCore.Mvc;
using Waypoint.Core.Access;
using Waypoint.Core.Journeys;
using Waypoint.Core.Nccis;

namespace Waypoint.Web.Pages.YoungPeople.RecordActivity;

public class WhenModel(YoungPersonAccess access, JourneyStore journeys, CurrencyOptions currency) : RecordActivityPageModel(access, journeys, currency)
{
    [BindProperty]
    public DateInput StartDate { get; set; } = new();

    [BindProperty]
    public DateInput NeetStartDate { get; set; } = new();

    [BindProperty]
    public DateInput ReviewDate { get; set; } = new();

    [BindProperty]
    public DateInput PredictedEndDate { get; set; } = new();

    [BindProperty]
    public DateInput DateVerified { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (State.Code is null)
        {
            return Redirect(StepUrl("what"));
        }

        StartDate = DateInput.From(State.StartDate);
        NeetStartDate = DateInput.From(State.NeetStartDate);
        ReviewDate = DateInput.From(State.ReviewDate);
        PredictedEndDate = DateInput.From(State.PredictedEndDate);
        DateVerified = DateInput.From(State.DateVerified);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var start = StartDate.Read(ModelState, nameof(StartDate), "the date the activity started", required: true);
        var neetStart = NeedsNeetStartDate ? NeetStartDate.Read(ModelState, nameof(NeetStartDate), "the date they became NEET", required: false) ?? start : null;
        var review = NeedsReviewDate ? ReviewDate.Read(ModelState, nameof(ReviewDate), "a review date", required: Currency.ReviewDateRequiredCodes.Contains(State.Code!)) : null;
        var predictedEnd = NeedsPredictedEndDate ? PredictedEndDate.Read(ModelState, nameof(PredictedEndDate), "the expected end date", required: true) : null;
        var verified = DateVerified.Read(ModelState, nameof(DateVerified), "the date it was last confirmed", required: false);
        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        State.StartDate = start;
        State.NeetStartDate = neetStart;
        State.ReviewDate = review;
        State.PredictedEndDate = predictedEnd;
        State.DateVerified = verified;
        await SaveStateAsync();
        return Redirect(StepUrl("where"));
    }
}
