using Waypoint.Core.Identifiers;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis.Returns;

/// <summary>The single-record errors of nccis.md 8.1. Cross-record and file errors are in <see cref="NccisValidator"/>.</summary>
internal sealed class NccisRecordChecks(CurrencyOptions currency, DateOnly? periodEnd, IReadOnlySet<string> sourceLeas, Action<int, string, string> add, bool retiredChecks = false)
{
    /// <summary>Activity 720 as the 2015-16 requirement had it: outside EET and NEET, withdrawn in April 2018.</summary>
    private static readonly ActivityCode Refugee = new("720", "Refugee/asylum seeker not yet granted citizenship", ActivityGroup.Other, InDenominator: false);

    private const string CohortStatuses = "PGATEMDL";

    public static bool IsKnownCohortStatus(string? status) => status is { Length: 1 } && CohortStatuses.Contains(status[0], StringComparison.Ordinal);

    /// <summary>
    /// A date written exactly as yyyy-MM-dd (what <c>DateOnly.TryParseExact</c> with that format and the invariant culture
    /// accepts), read by hand: a return has about two million dates, and the general parser was a quarter of the time
    /// taken to validate one.
    /// </summary>
    public static bool TryDate(string? value, out DateOnly date)
    {
        date = default;
        if (value is not { Length: 10 } || value[4] != '-' || value[7] != '-')
        {
            return false;
        }

        var year = Digits(value, 0, 4);
        var month = Digits(value, 5, 2);
        var day = Digits(value, 8, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The number written in ASCII digits at value[start..start+count], or -1 if any of them is not a digit.</summary>
    private static int Digits(string value, int start, int count)
    {
        var number = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return -1;
            }

            number = (number * 10) + (value[i] - '0');
        }

        return number;
    }

    public void Check(NccisReturnRecord r)
    {
        var dob = CheckPerson(r);
        var age = dob is { } d && periodEnd is { } end ? AcademicAge.Of(d, end) : (int?)null;
        CheckAge(r, age);
        CheckTransfer(r);
        CheckGuarantee(r);
        CheckLevelOfNeed(r);
        foreach (var activity in r.Activities)
        {
            CheckActivity(r, activity, dob, age);
        }

        if (retiredChecks)
        {
            CheckRetired(r, age);
        }

        if (r.IntendedDestination is { } destination && !IntendedDestinationCodes.IsValid(destination))
        {
            add(302, "IntendedDestinationYr11", $"Intended destination {Quote(destination)} is not an NCCIS intended destination code (111, 121, 211, 311, 321, 411, 511 or 611).");
        }
    }

    private DateOnly? CheckPerson(NccisReturnRecord r)
    {
        if (r.YoungPersonsId is not { } id || id.Length != 13 || !id.All(char.IsAsciiDigit))
        {
            add(1, "YoungPersonsID", $"YoungPersonsID {Quote(r.YoungPersonsId)} must be 13 digits: the 3-digit database ID then the 10-digit local ID, zero padded.");
        }

        if (r.CohortStatus is null)
        {
            add(11, "CohortStatus", "Cohort status is missing.");
        }

        Required(r.GivenName, 2, "GivenName", "Given name is missing.");
        Required(r.FamilyName, 3, "FamilyName", "Family name is missing.");
        if (!r.HasAddress)
        {
            add(31, "AddressLine1", "There is no address: give at least one of the address lines, town or county.");
        }

        if (r.Postcode is null)
        {
            add(32, "Postcode", "Postcode is missing.");
        }
        else if (!Postcode.IsValid(r.Postcode) || Postcode.Normalise(r.Postcode) != r.Postcode)
        {
            add(43, "Postcode", $"Postcode {Quote(r.Postcode)} is not in a valid format (for example \"OX4 3AB\": capitals, one space).");
        }

        if (r.Gender is null)
        {
            add(4, "Gender", "Gender is missing.");
        }
        else if (r.Gender is not ("F" or "M" or "U" or "W"))
        {
            add(5, "Gender", $"Gender {Quote(r.Gender)} must be F, M, U (unknown) or W (withheld).");
        }

        if (r.Ethnicity is null)
        {
            add(6, "Ethnicity", "Ethnicity is missing.");
        }
        else if (!EthnicityCodes.All.ContainsKey(r.Ethnicity))
        {
            add(7, "Ethnicity", $"Ethnicity {Quote(r.Ethnicity)} is not an NCCIS ethnicity code.");
        }

        if (r.LeadLea is null)
        {
            add(14, "LeadLEA", "Lead LA is missing.");
        }
        else if (!LaCodes.IsEnglishLa(r.LeadLea))
        {
            add(15, "LeadLEA", $"Lead LA {Quote(r.LeadLea)} is not a recognised LA code.");
        }
        else if (sourceLeas.Count > 0 && !sourceLeas.Contains(r.LeadLea))
        {
            add(26, "LeadLEA", $"Lead LA {r.LeadLea} is not one of the LAs in the file header's SourceLEAs; secondary registrations must not be returned.");
        }

        if (r.EducatedLea is { } educated && !LaCodes.IsValidOrSpecial(educated))
        {
            add(19, "EducatedLEA", $"Educated LA {Quote(educated)} is not a recognised LA code or 000-004.");
        }

        if (r.LeaCodeAtYear11 is { } atYear11 && !LaCodes.IsValidOrSpecial(atYear11))
        {
            add(24, "LEACodeAtYear11", $"LA code at Year 11 {Quote(atYear11)} is not a recognised LA code or 000-004.");
        }

        if (r.Uln is { } uln && !(uln.Length == 10 && uln[0] != '0' && uln.All(char.IsAsciiDigit)))
        {
            add(30, "UniqueLearnerNo", $"ULN {Quote(uln)} must be 10 digits and not start with 0.");
        }

        if (r.Upn is { } upn && upn.Length != 13)
        {
            add(38, "UniquePupilNumber", $"UPN {Quote(upn)} must be 13 characters.");
        }

        if (r.PreviousYpid is { } previous && previous.Length != 13)
        {
            add(37, "PreviousYPIDIdentifier", $"Previous YoungPersonsID {Quote(previous)} must be the full 13 characters, database ID included.");
        }

        if (r.Dob is null)
        {
            add(8, "DOB", "Date of birth is missing.");
            return null;
        }

        if (!TryDate(r.Dob, out var dob))
        {
            add(8, "DOB", $"Date of birth {Quote(r.Dob)} is not a date in the form YYYY-MM-DD.");
            return null;
        }

        return dob;
    }

    private void CheckAge(NccisReturnRecord r, int? age)
    {
        if (age is not { } a)
        {
            return;
        }

        if (a > 25)
        {
            add(9, "DOB", $"The young person is academic age {a}; the return covers no one older than academic age 25.");
        }
        else if (a < 15)
        {
            add(10, "DOB", $"The young person is academic age {a}; the return covers no one younger than academic age 15 (Year 11).");
        }

        // The 2015-16 requirement covered 16-19 year olds, so only 20 and over needed SEND (33, checked with the retired ones).
        if (a >= 18 && r.SendFlag != "Y" && !retiredChecks)
        {
            add(40, "SENDFlag", $"The young person is academic age {a}; people aged 18 or over are only returned if they have a current EHC plan (SENDFlag Y).");
        }
    }

    private void CheckRetired(NccisReturnRecord r, int? age)
    {
        if (r.YouthContractIndicator is { } indicator && indicator is not ("Y" or "N"))
        {
            add(36, "YouthContractIndicator", $"Youth Contract indicator {Quote(indicator)} must be Y or N.");
        }

        if (r.YouthContractIndicator == "Y" && r.YouthContractStartDate is null)
        {
            add(29, "YouthContractStartDate", "Youth Contract indicator is Y but the Youth Contract start date is missing.");
        }

        if (age >= 20 && r.SendFlag != "Y")
        {
            add(33, "SENDFlag", $"The young person is academic age {age}; people aged 20 or over are only returned with SEND (SENDFlag Y).");
        }

        if (r.Activities.Any(a => a.ActivityCode == Refugee.Code) && !r.Characteristics.Contains("130"))
        {
            add(236, "CharacteristicCode", "Activity 720 (refugee or asylum seeker) needs characteristic 130 (refugee or asylum seeker).");
        }

        if (age == 15 && r.IntendedDestination is null)
        {
            add(301, "IntendedDestinationYr11", "A Year 11 young person needs an intended destination (IntendedDestinationYr11).");
        }
    }

    private void CheckTransfer(NccisReturnRecord r)
    {
        var to = r.TransferredToLaCode;
        if (r.CohortStatus == "T")
        {
            if (to is null)
            {
                add(13, "TransferredToLACode", "Cohort status T (transferred) needs the LA the young person transferred to.");
            }
            else if (to == "004")
            {
                add(41, "TransferredToLACode", "Transferred-to LA cannot be 004 (unknown area).");
            }
            else if (!LaCodes.IsEnglishLa(to))
            {
                add(35, "TransferredToLACode", $"Transferred-to LA {Quote(to)} is not a recognised LA code.");
            }
            else if (to == r.LeadLea)
            {
                add(42, "TransferredToLACode", $"Transferred-to LA {to} is this record's own lead LA.");
            }
        }
        else if (r.CohortStatus == "E")
        {
            // The reference notes 34's wording conflicts with 35's E rule; E with 000-003 is treated as correct.
            if (to is not null and not ("000" or "001" or "002" or "003"))
            {
                add(35, "TransferredToLACode", $"Cohort status E (left England) needs 000 (abroad), 001 (Wales), 002 (Scotland) or 003 (elsewhere in the UK), not {Quote(to)}.");
            }
        }
        else if (to is not null)
        {
            add(34, "TransferredToLACode", $"A transferred-to LA is given but the cohort status is {Quote(r.CohortStatus)}, not T.");
        }
    }

    private void CheckGuarantee(NccisReturnRecord r)
    {
        CheckGuaranteeEntry(r.Year11, 11);
        CheckGuaranteeEntry(r.Year12, 12);
        if (r.Year11?.LeaCode is { } sgLa && r.LeaCodeAtYear11 is { } atYear11 && sgLa != atYear11)
        {
            add(25, "LEACodeAtYear11", $"LA code at Year 11 ({atYear11}) is not the Year 11 September Guarantee LA ({sgLa}).");
        }

        var complete = (r.Year11 ?? r.Year12) is not null
            && (r.Year11 is null || r.Year11 is { GuaranteeStatus: not null, LeaCode: not null })
            && (r.Year12 is null || r.Year12 is { GuaranteeStatus: not null, LeaCode: not null });
        if (!complete && r.CohortStatus == "G")
        {
            add(905, "SeptemberGuarantee", "Cohort status G (September Guarantee cohort) needs a September Guarantee status and LA code.");
        }

        if (!complete && r.GuaranteeStatusIndicator == "Y")
        {
            add(906, "SeptemberGuarantee", "GuaranteeStatusIndicator is Y but the September Guarantee status or LA code is missing.");
        }
    }

    private void CheckGuaranteeEntry(GuaranteeEntry? entry, int year)
    {
        if (entry is null)
        {
            return;
        }

        if (entry.GuaranteeStatus is { } status && !SeptemberGuaranteeCodes.IsValidFor(status, year))
        {
            var note = SeptemberGuaranteeCodes.Find(status) is null ? "" : $" for Year {year}";
            add(27, $"Year{year}/GuaranteeStatus", $"September Guarantee status {Quote(status)} is not a recognised code{note}.");
        }

        if (entry.LeaCode is { } la && !LaCodes.IsEnglishLa(la))
        {
            add(261, $"Year{year}/LEACode", $"Year {year} September Guarantee LA {Quote(la)} is not a recognised LA code.");
        }
    }

    private void CheckLevelOfNeed(NccisReturnRecord r)
    {
        if (r.LevelOfNeedCode is null)
        {
            add(100, "LevelOfNeedCode", "Level of need is missing.");
        }
        else if (r.LevelOfNeedCode is not ("1" or "2" or "3"))
        {
            add(101, "LevelOfNeedCode", $"Level of need {Quote(r.LevelOfNeedCode)} must be 1 (intensive support), 2 (supported) or 3 (minimum intervention).");
        }

        YesNo(r.SendFlag, "SENDFlag", 103, 102, "SEND flag");
        YesNo(r.SenSupportFlag, "SENSupportFlag", 303, 304, "SEN support flag");
        if (r.SendFlag == "Y" && r.SenSupportFlag == "Y")
        {
            add(306, "SENSupportFlag", "SENDFlag and SENSupportFlag are both Y; a young person with an EHC plan is not also on SEN support.");
        }

        foreach (var code in r.Characteristics.Where(c => !CharacteristicCodes.All.ContainsKey(c)).Distinct())
        {
            add(104, "CharacteristicCode", $"Characteristic {Quote(code)} is not an NCCIS characteristic code.");
        }

        if (r.Gender == "M" && r.Characteristics.Contains("180"))
        {
            add(260, "CharacteristicCode", "Characteristic 180 (pregnant) is recorded for a young person whose gender is M.");
        }
    }

    private void CheckActivity(NccisReturnRecord r, ReturnActivity a, DateOnly? dob, int? age)
    {
        var activity = CheckActivityCode(a.ActivityCode);
        var start = Date(a.StartDate, 202, "StartDate", "Activity start date");
        var ascertained = Date(a.DateAscertained, 203, "DateAscertained", "Date ascertained");
        var verified = OptionalDate(a.DateVerified, 256, "DateVerified", "Date verified");
        var review = OptionalDate(a.ReviewDate, 257, "ReviewDate", "Review date");
        var dueToLapse = OptionalDate(a.DueToLapseDate, 244, "DueToLapseDate", "Due to lapse date");
        var predictedEnd = OptionalDate(a.PredictedEndDate, 258, "PredictedEndDate", "Predicted end date");
        var neetStart = OptionalDate(a.NeetStartDate, 225, "NEETStartDate", "NEET start date");

        if (activity is not null)
        {
            CheckActivityForPerson(r, activity, age);
            if (dueToLapse is null && a.DueToLapseDate is null && !activity.IsNeet && !ActivityCodes.NotKnown.Contains(activity.Code))
            {
                add(243, "DueToLapseDate", $"{Name(activity)} needs a due to lapse date.");
            }

            if (review is null && a.ReviewDate is null && (currency.ReviewDateRequiredCodes.Contains(activity.Code) || activity == Refugee))
            {
                add(262, "ReviewDate", $"{Name(activity)} needs a review date.");
            }

            if (predictedEnd is null && a.PredictedEndDate is null && activity.Group is ActivityGroup.CompulsoryAge or ActivityGroup.Education or ActivityGroup.Training)
            {
                add(259, "PredictedEndDate", $"{Name(activity)} needs a predicted end date.");
            }

            if (activity.Group == ActivityGroup.CompulsoryAge && periodEnd is { } end)
            {
                var yearStart = new DateOnly(AcademicAge.AcademicYearStart(end), 9, 1);
                if (!(start >= yearStart) && !(verified >= yearStart))
                {
                    add(909, "DateVerified", $"{Name(activity)} was neither started nor verified in the current academic year (from {yearStart:yyyy-MM-dd}).");
                }
            }
        }

        if (ascertained > verified)
        {
            add(237, "DateAscertained", $"Date ascertained ({ascertained:yyyy-MM-dd}) is after the date verified ({verified:yyyy-MM-dd}).");
        }

        if (ascertained < start)
        {
            add(242, "DateAscertained", $"Date ascertained ({ascertained:yyyy-MM-dd}) is before the activity start date ({start:yyyy-MM-dd}).");
        }

        if (verified < start)
        {
            add(256, "DateVerified", $"Date verified ({verified:yyyy-MM-dd}) is before the activity start date ({start:yyyy-MM-dd}).");
        }

        if (verified > periodEnd)
        {
            add(305, "DateVerified", $"Date verified ({verified:yyyy-MM-dd}) is after the period end ({periodEnd:yyyy-MM-dd}).");
        }

        if (dueToLapse > predictedEnd)
        {
            add(238, "DueToLapseDate", $"Due to lapse date ({dueToLapse:yyyy-MM-dd}) is after the predicted end date ({predictedEnd:yyyy-MM-dd}); currency cannot outlast the course.");
        }

        if (review > predictedEnd)
        {
            add(257, "ReviewDate", $"Review date ({review:yyyy-MM-dd}) is after the predicted end date ({predictedEnd:yyyy-MM-dd}).");
        }

        CheckCurrencyLapsed(a.CurrencyLapsed, dueToLapse);
        CheckNeetStart(activity, a, neetStart, start, dob);
        if (a.EstablishmentNumber is { } establishment && !(establishment.Length == 7 && establishment.All(char.IsAsciiDigit) && LaCodes.IsEnglishLa(establishment[..3])))
        {
            add(228, "EstablishmentNumber", $"Establishment number {Quote(establishment)} must be 7 digits: an LA code then the 4-digit DfE number (or 9999).");
        }

        if (a.Ukprn is { } ukprn && !(ukprn.Length == 8 && ukprn[0] == '1' && ukprn.All(char.IsAsciiDigit)))
        {
            add(39, "UKProviderReferenceNumber", $"UKPRN {Quote(ukprn)} must be 8 digits starting with 1.");
        }
    }

    private ActivityCode? CheckActivityCode(string? code)
    {
        if (code is null)
        {
            add(200, "ActivityCode", "Activity code is missing.");
            return null;
        }

        var activity = retiredChecks && code == Refugee.Code ? Refugee : ActivityCodes.Find(code);
        if (activity is null)
        {
            add(201, "ActivityCode", code == "720"
                ? "Activity 720 (refugee or asylum seeker) was withdrawn in April 2018."
                : $"Activity {Quote(code)} is not an NCCIS current activity code.");
        }

        return activity;
    }

    private void CheckActivityForPerson(NccisReturnRecord r, ActivityCode activity, int? age)
    {
        if (age is { } a)
        {
            if (activity.Group != ActivityGroup.CompulsoryAge && a <= 15)
            {
                add(229, "ActivityCode", $"{Name(activity)} is a post-16 activity but the young person is academic age {a} (Year 11 or younger).");
            }
            else if (activity.Group == ActivityGroup.CompulsoryAge && a > 15)
            {
                add(230, "ActivityCode", $"{Name(activity)} is only for Year 11 but the young person is academic age {a}.");
            }

            if (activity.Code == "440" && a is 16 or 17)
            {
                add(253, "ActivityCode", $"{Name(activity)} cannot be returned for a young person of academic age {a}.");
            }
        }

        if (activity.Code is "280" or "460" && r.SendFlag != "Y")
        {
            add(activity.Code == "280" ? 254 : 255, "ActivityCode", $"{Name(activity)} is only for young people with SEND (SENDFlag Y).");
        }

        (string? Code, string Label, int Error) needed = activity.Code switch
        {
            "620" => ("140", "carer", 233),
            "630" => ("120", "parent caring for own child", 234),
            "650" => ("180", "pregnant", 235),
            _ => (null, "", 0),
        };
        if (needed.Code is not null && !r.Characteristics.Contains(needed.Code))
        {
            add(needed.Error, "CharacteristicCode", $"{Name(activity)} needs characteristic {needed.Code} ({needed.Label}).");
        }
    }

    private void CheckCurrencyLapsed(string? lapsed, DateOnly? dueToLapse)
    {
        if (lapsed is null)
        {
            add(220, "CurrencyLapsed", "Currency lapsed flag is missing.");
        }
        else if (lapsed is not ("Y" or "N"))
        {
            add(221, "CurrencyLapsed", $"Currency lapsed flag {Quote(lapsed)} must be Y or N.");
        }
        else if (lapsed == "Y" && dueToLapse > periodEnd)
        {
            add(231, "CurrencyLapsed", $"Currency lapsed is Y but the due to lapse date ({dueToLapse:yyyy-MM-dd}) is after the period end ({periodEnd:yyyy-MM-dd}).");
        }
        else if (lapsed == "N" && dueToLapse < periodEnd)
        {
            add(232, "CurrencyLapsed", $"Currency lapsed is N but the due to lapse date ({dueToLapse:yyyy-MM-dd}) is before the period end ({periodEnd:yyyy-MM-dd}).");
        }
    }

    private void CheckNeetStart(ActivityCode? activity, ReturnActivity a, DateOnly? neetStart, DateOnly? start, DateOnly? dob)
    {
        if (a.NeetStartDate is null)
        {
            if (activity is { IsNeet: true })
            {
                add(224, "NEETStartDate", $"{Name(activity)} is a NEET activity and needs a NEET start date.");
            }

            return;
        }

        if (activity is { IsNeet: false })
        {
            add(226, "NEETStartDate", $"A NEET start date is given but {Name(activity)} is not a NEET activity.");
        }

        if (neetStart > start)
        {
            add(225, "NEETStartDate", $"NEET start date ({neetStart:yyyy-MM-dd}) is after the activity start date ({start:yyyy-MM-dd}).");
        }

        if (neetStart is { } n && dob is { } d && n < FifteenthBirthday(d))
        {
            add(251, "NEETStartDate", $"NEET start date ({n:yyyy-MM-dd}) is before the young person's 15th birthday ({FifteenthBirthday(d):yyyy-MM-dd}).");
        }
    }

    private DateOnly? Date(string? value, int code, string field, string label)
    {
        if (value is null)
        {
            add(code, field, $"{label} is missing.");
            return null;
        }

        return OptionalDate(value, code, field, label);
    }

    // A present but unreadable date is reported under the error for that field; the rules that compare it are skipped.
    private DateOnly? OptionalDate(string? value, int code, string field, string label)
    {
        if (value is null)
        {
            return null;
        }

        if (TryDate(value, out var date))
        {
            return date;
        }

        add(code, field, $"{label} {Quote(value)} is not a date in the form YYYY-MM-DD.");
        return null;
    }

    private void Required(string? value, int code, string field, string message)
    {
        if (value is null)
        {
            add(code, field, message);
        }
    }

    private void YesNo(string? value, string field, int missing, int invalid, string label)
    {
        if (value is null)
        {
            add(missing, field, $"{label} is missing.");
        }
        else if (value is not ("Y" or "N"))
        {
            add(invalid, field, $"{label} {Quote(value)} must be Y or N.");
        }
    }

    // Same rule as ActivityRules: someone born on 29 February turns 15 on 1 March in a common year.
    private static DateOnly FifteenthBirthday(DateOnly dob) =>
        dob is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(dob.Year + 15) ? new DateOnly(dob.Year + 15, 3, 1) : dob.AddYears(15);

    private static string Name(ActivityCode activity) => $"Activity {activity.Code} ({activity.Description})";

    /// <summary>Quotes a value from the file for a message, shortened so a hostile value cannot flood the report.</summary>
    public static string Quote(string? value) => value is null ? "(blank)" : "\"" + (value.Length > 40 ? value[..40] + "..." : value) + "\"";
}
