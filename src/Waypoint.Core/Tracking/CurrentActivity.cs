using Waypoint.Core.Nccis;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tracking;

public static class CurrentActivity
{
    /// <summary>The current activity: the one that started last, the later-recorded one on a tie.</summary>
    public static Activity? Of(IEnumerable<Activity> activities) =>
        activities.OrderByDescending(a => a.StartDate).ThenByDescending(a => a.RecordedAt).FirstOrDefault();

    /// <summary>
    /// Recomputes each activity's due-to-lapse date and copies the current one's summary onto the person, which is
    /// what the work lists query. Call after any change to the activity history.
    /// </summary>
    public static void Apply(YoungPerson person, CurrencyCalculator currency)
    {
        foreach (var activity in person.Activities)
        {
            activity.DueToLapseDate = currency.DueToLapseDate(activity.Code, activity.DateAscertained, activity.DateVerified, activity.ReviewDate, activity.PredictedEndDate);
        }

        var current = Of(person.Activities);
        person.CurrentActivityId = current?.Id;
        person.CurrentActivityCode = current?.Code;
        person.CurrentActivityStart = current?.StartDate;
        person.CurrentDueToLapse = current?.DueToLapseDate;
        person.CurrentNeetStart = current?.NeetStartDate;
        person.CurrentReviewDate = current?.ReviewDate;
    }

    /// <summary>NEET, or not known: a not-known code, or a current activity whose currency has lapsed.</summary>
    public static bool IsNotKnown(string? code, DateOnly? dueToLapse, DateOnly asOf) =>
        code is not null && (ActivityCodes.SituationNotKnown.Contains(code) || CurrencyCalculator.IsLapsed(dueToLapse, asOf));

    public static bool IsNeet(string? code) => code is not null && ActivityCodes.Neet.Contains(code);
}
