using System.Globalization;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis;

/// <summary>A current activity as staff enter it, before anything is saved.</summary>
public sealed record ActivityEntry(
    string? Code,
    DateOnly? StartDate,
    DateOnly? DateAscertained,
    DateOnly? DateVerified,
    DateOnly? ReviewDate,
    DateOnly? PredictedEndDate,
    DateOnly? NeetStartDate,
    string? EstablishmentNumber,
    string? Ukprn);

/// <summary>What the activity rules need to know about the young person the activity belongs to.</summary>
public sealed record PersonFacts(DateOnly DateOfBirth, Gender Gender, bool HasEhcPlan, IReadOnlyCollection<string> CurrentCharacteristicCodes);

/// <summary>
/// A rule broken by an entry. <see cref="Field"/> is the property name on the entry (or person) the message is
/// about, <see cref="Message"/> is addressed to staff, <see cref="NccisError"/> is the NCCIS error the rule
/// prevents, if any.
/// </summary>
public sealed record RuleViolation(string Field, string Message, int? NccisError);

/// <summary>
/// The cross-field rules implied by the NCCIS record-level errors (shared/reference/nccis.md section 8.1), checked
/// when staff record an activity so the monthly return does not fail on them later.
/// </summary>
public sealed class ActivityRules(CurrencyOptions options)
{
    private const int Year11AcademicAge = 15;

    private static readonly (string Activity, string ActivityLabel, string Characteristic, string CharacteristicLabel, int Error)[] RequiredCharacteristics =
    [
        ("620", "young carer", "140", "carer", 233),
        ("630", "teenage parent", "120", "parent caring for own child", 234),
        ("650", "pregnancy", "180", "pregnant", 235),
    ];

    public IReadOnlyList<RuleViolation> Validate(ActivityEntry entry, PersonFacts person, DateOnly today)
    {
        var violations = new List<RuleViolation>();
        var activity = CheckCode(entry.Code, violations);
        if (activity is not null)
        {
            CheckAge(activity, person, entry.StartDate, today, violations);
            CheckSendAndCharacteristics(activity, person, violations);
        }

        CheckDates(entry, today, violations);
        if (activity is not null)
        {
            CheckReviewAndPredictedEndDates(activity, entry, violations);
        }

        CheckNeetStartDate(activity, entry, person, violations);
        CheckProviderNumbers(entry, violations);
        return violations;
    }

    private static ActivityCode? CheckCode(string? code, List<RuleViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            violations.Add(new(nameof(ActivityEntry.Code), "Select an activity", 200));
            return null;
        }

        if (code == "720")
        {
            violations.Add(new(nameof(ActivityEntry.Code), "Activity 720 (refugee or asylum seeker) was withdrawn in April 2018. Record what the young person is doing and add characteristic 130 (refugee or asylum seeker) instead", 201));
            return null;
        }

        var activity = ActivityCodes.Find(code);
        if (activity is null)
        {
            violations.Add(new(nameof(ActivityEntry.Code), "Select an activity from the list", 201));
        }

        return activity;
    }

    private static void CheckAge(ActivityCode activity, PersonFacts person, DateOnly? startDate, DateOnly today, List<RuleViolation> violations)
    {
        var age = AcademicAge.Of(person.DateOfBirth, startDate ?? today);
        var stage = age <= 17 ? $"in Year {age - 4}" : $"academic age {age}";
        var when = startDate is null ? $"This young person is {stage}" : $"This young person was {stage} when the activity started";
        var compulsoryAge = activity.Group == ActivityGroup.CompulsoryAge;

        if (!compulsoryAge && age <= Year11AcademicAge)
        {
            violations.Add(new(nameof(ActivityEntry.Code), $"{Name(activity)} is only for young people who have finished Year 11. {when}", 229));
        }
        else if (compulsoryAge && age != Year11AcademicAge)
        {
            violations.Add(new(nameof(ActivityEntry.Code), $"{Name(activity)} is only for young people in Year 11. {when}", 230));
        }

        if (activity.Code == "440" && age is 16 or 17)
        {
            violations.Add(new(nameof(ActivityEntry.Code), $"{Name(activity)} cannot be recorded for young people of academic age 16 or 17. {when}", 253));
        }
    }

    private static void CheckSendAndCharacteristics(ActivityCode activity, PersonFacts person, List<RuleViolation> violations)
    {
        if ((activity.Code is "280" or "460") && !person.HasEhcPlan)
        {
            violations.Add(new(nameof(ActivityEntry.Code), $"{Name(activity)} is only for young people with an EHC plan", activity.Code == "280" ? 254 : 255));
        }

        foreach (var rule in RequiredCharacteristics)
        {
            if (activity.Code == rule.Activity && !person.CurrentCharacteristicCodes.Contains(rule.Characteristic))
            {
                violations.Add(new(
                    nameof(ActivityEntry.Code),
                    $"Activity {rule.Activity} ({rule.ActivityLabel}) needs the young person to have characteristic {rule.Characteristic} ({rule.CharacteristicLabel}) recorded first",
                    rule.Error));
            }
        }
    }

    private static void CheckDates(ActivityEntry entry, DateOnly today, List<RuleViolation> violations)
    {
        if (entry.StartDate is null)
        {
            violations.Add(new(nameof(ActivityEntry.StartDate), "Enter the date the activity started", 202));
        }

        if (entry.DateAscertained is not { } ascertained)
        {
            violations.Add(new(nameof(ActivityEntry.DateAscertained), "Enter the date the activity was ascertained", 203));
        }
        else if (ascertained < entry.StartDate)
        {
            violations.Add(new(nameof(ActivityEntry.DateAscertained), "Date ascertained must be the same as or after the start date", 242));
        }
        else if (ascertained > entry.DateVerified)
        {
            violations.Add(new(nameof(ActivityEntry.DateAscertained), "Date ascertained must be the same as or before the date verified", 237));
        }
        else if (ascertained > today)
        {
            violations.Add(new(nameof(ActivityEntry.DateAscertained), "Date ascertained must be today or in the past", null));
        }

        if (entry.DateVerified is { } verified)
        {
            if (verified < entry.StartDate)
            {
                violations.Add(new(nameof(ActivityEntry.DateVerified), "Date verified must be the same as or after the start date", 256));
            }
            else if (verified > today)
            {
                violations.Add(new(nameof(ActivityEntry.DateVerified), "Date verified must be today or in the past", 305));
            }
        }
    }

    private void CheckReviewAndPredictedEndDates(ActivityCode activity, ActivityEntry entry, List<RuleViolation> violations)
    {
        if (entry.ReviewDate is null && options.ReviewDateRequiredCodes.Contains(activity.Code))
        {
            violations.Add(new(nameof(ActivityEntry.ReviewDate), $"Enter a review date. {Name(activity)} must have one", 262));
        }
        else if (entry.ReviewDate > entry.PredictedEndDate)
        {
            violations.Add(new(nameof(ActivityEntry.ReviewDate), "Review date must be the same as or before the predicted end date", 257));
        }

        if (entry.PredictedEndDate is null)
        {
            if (activity.Group is ActivityGroup.CompulsoryAge or ActivityGroup.Education or ActivityGroup.Training)
            {
                violations.Add(new(nameof(ActivityEntry.PredictedEndDate), $"Enter the predicted end date. {Name(activity)} must have one", 259));
            }
        }
        else if (entry.PredictedEndDate < entry.StartDate)
        {
            violations.Add(new(nameof(ActivityEntry.PredictedEndDate), "Predicted end date must be the same as or after the start date", null));
        }
    }

    private static void CheckNeetStartDate(ActivityCode? activity, ActivityEntry entry, PersonFacts person, List<RuleViolation> violations)
    {
        const string field = nameof(ActivityEntry.NeetStartDate);
        if (entry.NeetStartDate is not { } neetStart)
        {
            if (activity is { IsNeet: true })
            {
                violations.Add(new(field, $"Enter the NEET start date. {Name(activity)} is a NEET activity", 224));
            }

            return;
        }

        if (activity is { IsNeet: false })
        {
            violations.Add(new(field, $"Remove the NEET start date. {Name(activity)} is not a NEET activity", 226));
            return;
        }

        var fifteenthBirthday = FifteenthBirthday(person.DateOfBirth);
        if (neetStart > entry.StartDate)
        {
            violations.Add(new(field, "NEET start date must be the same as or before the date the activity started", 225));
        }
        else if (neetStart < fifteenthBirthday)
        {
            violations.Add(new(field, $"NEET start date must be the same as or after the young person's 15th birthday, {fifteenthBirthday.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", 251));
        }
    }

    private static void CheckProviderNumbers(ActivityEntry entry, List<RuleViolation> violations)
    {
        if (!string.IsNullOrWhiteSpace(entry.EstablishmentNumber) && !IsDigits(entry.EstablishmentNumber, 7))
        {
            violations.Add(new(
                nameof(ActivityEntry.EstablishmentNumber),
                "Establishment number must be 7 digits: the 3-digit LA code then the 4-digit DfE number (or 9999 for home education or when there is no DfE number)",
                228));
        }

        if (!string.IsNullOrWhiteSpace(entry.Ukprn) && !(IsDigits(entry.Ukprn, 8) && entry.Ukprn[0] == '1'))
        {
            violations.Add(new(nameof(ActivityEntry.Ukprn), "UKPRN must be 8 digits starting with 1", 39));
        }
    }

    private static bool IsDigits(string value, int length) => value.Length == length && value.All(char.IsAsciiDigit);

    // Someone born on 29 February turns 15 on 1 March in a common year, as English law counts it.
    private static DateOnly FifteenthBirthday(DateOnly dateOfBirth) =>
        dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(dateOfBirth.Year + 15)
            ? new DateOnly(dateOfBirth.Year + 15, 3, 1)
            : dateOfBirth.AddYears(15);

    private static string Name(ActivityCode activity)
    {
        var description = activity.Description;
        // Keep acronyms such as "ESFA" and "DWP" as they are when the label moves mid-sentence.
        var label = description.Length > 1 && char.IsLower(description[1])
            ? char.ToLowerInvariant(description[0]) + description[1..]
            : description;
        return $"Activity {activity.Code} ({label})";
    }
}
