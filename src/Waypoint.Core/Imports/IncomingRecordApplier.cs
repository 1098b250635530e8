using System.Globalization;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Nccis;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tasks;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Imports;

/// <summary>An activity a file confirmed: its verification date before, so a revert can put it back.</summary>
public sealed record VerifiedActivity(Guid Id, DateOnly? DateVerifiedBefore, DateOnly DateVerified);

/// <summary>
/// The rows one incoming record added to a young person's record, and the activities it verified, so a revert can take
/// them away again.
/// </summary>
public sealed record AddedRows(List<Guid> Activities, List<Guid> Characteristics, List<Guid> Tasks, List<VerifiedActivity> Verified)
{
    public static AddedRows None() => new([], [], [], []);
}

/// <summary>
/// Where a file's people are: the LA's schools and colleges by LAESTAB, URN and UKPRN. Looked up two or three times for
/// every row of a file, among the LA's organisations and every provider with a UKPRN, so each key has a dictionary;
/// where two organisations share a key, the first given wins.
/// </summary>
public sealed class EstablishmentDirectory
{
    private readonly Dictionary<string, Organisation> byLaEstab = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Organisation> byUrn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Organisation> byUkprn = new(StringComparer.Ordinal);

    public EstablishmentDirectory(IEnumerable<Organisation> organisations)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        foreach (var organisation in organisations)
        {
            Index(byLaEstab, organisation.LaEstab, organisation);
            Index(byUrn, organisation.Urn, organisation);
            Index(byUkprn, organisation.Ukprn, organisation);
        }
    }

    public Organisation? Find(string? laEstab, string? urn, string? ukprn) =>
        Lookup(byLaEstab, laEstab) ?? Lookup(byUrn, urn) ?? Lookup(byUkprn, ukprn);

    private static void Index(Dictionary<string, Organisation> index, string? key, Organisation organisation)
    {
        if (key is not null)
        {
            index.TryAdd(key, organisation);
        }
    }

    private static Organisation? Lookup(Dictionary<string, Organisation> index, string? key) =>
        key is not null && index.TryGetValue(key, out var organisation) ? organisation : null;
}

/// <summary>
/// Writes one incoming record onto a young person's record. How much each kind of file may change follows how far it
/// can be trusted: a school roll and a CTF come from the school's management system and may correct names, date of
/// birth, sex, ethnicity, SEN and the school; a provider's enrolment list and a benefit notice only fill in what is
/// missing, because a typed name that matched despite a typo must not overwrite the right one. Child rows (activities,
/// characteristics, follow-ups) are only ever added, never changed or removed, so a revert is a matter of deleting them.
/// </summary>
public sealed class IncomingRecordApplier(WaypointDbContext db, CurrencyCalculator currency, TrackingOptions options, EstablishmentDirectory establishments, DateOnly today, DateTime now, Guid? userId, string source)
{
    /// <summary>When true, evidence already used (the same file imported before) does not re-verify activities.</summary>
    public bool EvidenceSeenBefore { get; init; }

    public (List<FieldChange> Changes, AddedRows Added) Apply(YoungPerson p, IncomingRecord r, ImportKind kind, bool created)
    {
        var before = ImportedFields.Of(p);
        var added = AddedRows.None();
        var authoritative = kind is ImportKind.Roll or ImportKind.Ctf;
        Take(authoritative || created, r.GivenName, v => p.GivenName = v);
        Take(authoritative || created, r.FamilyName, v => p.FamilyName = v);
        Take(authoritative || p.MiddleNames is null, r.MiddleNames, v => p.MiddleNames = v);
        Take(authoritative || p.PreferredGivenName is null, r.PreferredGivenName, v => p.PreferredGivenName = v);
        Take(authoritative || p.PreferredFamilyName is null, r.PreferredFamilyName, v => p.PreferredFamilyName = v);
        if (authoritative || created)
        {
            p.DateOfBirth = r.DateOfBirth;
            if (r.Gender != Gender.U || created)
            {
                p.Gender = r.Gender;
            }
        }

        Take(authoritative || created || p.EthnicityCode is "NOBT" or "REFU", r.EthnicityCode, v => p.EthnicityCode = v);
        if (r.Address is { } address && (kind != ImportKind.BenefitClaims || p.Postcode is null))
        {
            p.AddressLine1 = address.Line1;
            p.AddressLine2 = address.Line2;
            p.AddressLine3 = address.Line3;
            p.Town = address.Town;
            p.County = address.County;
            p.Postcode = address.Postcode;
        }

        Take(true, r.Email, v => p.Email = v);
        Take(true, r.Phone, v => p.Phone = v);
        if (r.Upn is { } upn && upn != p.Upn)
        {
            // A new UPN from the school's system replaces the held one, which is kept as the former UPN.
            if (p.Upn is null || authoritative)
            {
                p.FormerUpn = p.Upn ?? p.FormerUpn;
                p.Upn = upn;
            }
        }

        Take(authoritative || p.FormerUpn is null, r.FormerUpn is { } former && former != p.Upn ? former : null, v => p.FormerUpn = v);
        Take(p.Uln is null, r.Uln, v => p.Uln = v);
        var establishment = establishments.Find(r.SchoolLaEstab, r.SchoolUrn, r.Enrolment?.Ukprn);
        if (establishment is not null && kind is ImportKind.Roll or ImportKind.Enrolments && r.Enrolment?.LeftOn is null)
        {
            p.SchoolId = establishment.Id;
        }

        if (authoritative && r.SenProvision is { } sen)
        {
            p.HasEhcPlan = sen == "E";
            p.HasSenSupport = sen == "K";
        }

        if (r.LookedAfter == true)
        {
            AddCharacteristic(p, "110", added);
        }

        if (r.YoungCarer == true)
        {
            AddCharacteristic(p, "140", added);
        }

        var censusChanges = authoritative ? ApplyCensus(p, r) : [];
        switch (kind)
        {
            case ImportKind.Roll:
                ApplyRoll(p, r, establishment, added);
                break;
            case ImportKind.Enrolments when r.Enrolment is { } enrolment:
                ApplyEnrolment(p, enrolment, establishment, added);
                break;
            case ImportKind.BenefitClaims when r.BenefitClaim is { } claim:
                ApplyBenefitClaim(p, claim, added);
                break;
        }

        if (added.Activities.Count > 0 || added.Verified.Count > 0 || created)
        {
            CurrentActivity.Apply(p, currency);
        }

        p.SearchName = NameSearch.Key(p.GivenName, p.FamilyName);
        p.PostcodeDistrict = p.Postcode is not null && Postcode.IsValid(p.Postcode) ? Postcode.District(p.Postcode) : null;
        var changes = before.Differences(ImportedFields.Of(p)).ToList();
        changes.AddRange(censusChanges);
        changes.AddRange(added.Activities.Select(id => new FieldChange("Activity", null, p.Activities.Single(a => a.Id == id).Code)));
        changes.AddRange(added.Characteristics.Select(id => new FieldChange("Characteristic", null, p.Characteristics.Single(c => c.Id == id).Code)));
        changes.AddRange(added.Tasks.Select(_ => new FieldChange("FollowUp", null, "added")));
        changes.AddRange(added.Verified.Select(v => new FieldChange("Activity.DateVerified", v.DateVerifiedBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.DateVerified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        return (changes, added);
    }

    private static void Take(bool allowed, string? incoming, Action<string> set)
    {
        if (allowed && !string.IsNullOrWhiteSpace(incoming))
        {
            set(incoming);
        }
    }

    private void AddCharacteristic(YoungPerson p, string code, AddedRows added)
    {
        if (p.Characteristics.Any(c => c.Code == code && c.StartDate <= today && (c.EndDate == null || c.EndDate >= today)))
        {
            return;
        }

        var characteristic = new Characteristic { YoungPersonId = p.Id, Code = code, StartDate = today };
        p.Characteristics.Add(characteristic);
        db.Characteristics.Add(characteristic);
        added.Characteristics.Add(characteristic.Id);
    }

    private List<FieldChange> ApplyCensus(YoungPerson p, IncomingRecord r)
    {
        if (r.FreeSchoolMeals is null && r.EnglishAdditionalLanguage is null && r.YoungCarer is null && r.AttendancePercent is null
            && r.Suspensions is null && r.PermanentExclusions is null && r.SchoolHistory.Count == 0)
        {
            return [];
        }

        var census = p.Census;
        if (census is null)
        {
            census = new PupilCensusData { YoungPersonId = p.Id, AsOf = today, AttendancePercent = 100 };
            p.Census = census;
            db.PupilCensus.Add(census);
        }

        var changes = new List<FieldChange>();
        void Set<T>(string name, T? incoming, T held, Action<T> set)
            where T : struct
        {
            if (incoming is { } value && !EqualityComparer<T>.Default.Equals(value, held))
            {
                changes.Add(new FieldChange("Census." + name, Convert.ToString(held, CultureInfo.InvariantCulture), Convert.ToString(value, CultureInfo.InvariantCulture)));
                set(value);
            }
        }

        Set("FreeSchoolMeals", r.FreeSchoolMeals, census.FreeSchoolMeals, v => census.FreeSchoolMeals = v);
        Set("EnglishAdditionalLanguage", r.EnglishAdditionalLanguage, census.EnglishAdditionalLanguage, v => census.EnglishAdditionalLanguage = v);
        Set("YoungCarer", r.YoungCarer, census.YoungCarer, v => census.YoungCarer = v);
        Set("AttendancePercent", r.AttendancePercent, census.AttendancePercent, v => census.AttendancePercent = v);
        Set("Suspensions", r.Suspensions, census.Suspensions, v => census.Suspensions = v);
        Set("PermanentExclusions", r.PermanentExclusions, census.PermanentExclusions, v => census.PermanentExclusions = v);
        Set("SchoolMoves", r.SchoolHistory.Count > 0 ? Math.Max(0, r.SchoolHistory.Count - 1) : (int?)null, census.SchoolMoves, v => census.SchoolMoves = v);
        if (changes.Count > 0)
        {
            census.AsOf = today;
        }

        return changes;
    }

    /// <summary>
    /// Being on a school's roll is evidence of an education activity: 110 (registered at school) up to Year 11, 210
    /// (school sixth form) in Years 12 and 13. The same activity at the same school is verified instead of repeated.
    /// </summary>
    private void ApplyRoll(YoungPerson p, IncomingRecord r, Organisation? school, AddedRows added)
    {
        var yearGroup = r.YearGroup ?? AcademicAge.YearGroup(r.DateOfBirth, today);
        var code = yearGroup <= 11 ? "110" : "210";
        if (yearGroup > 13 || school?.LaEstab is null)
        {
            return;
        }

        var endOfYear = new DateOnly(AcademicAge.AcademicYearStart(today) + 1, 8, 31);
        var current = CurrentActivity.Of(p.Activities);
        if (current is not null && current.Code == code && current.EstablishmentNumber == school.LaEstab)
        {
            // Evidence the activity goes on: verified today, unless this same file was used as evidence before.
            if (!EvidenceSeenBefore && current.DateVerified != today)
            {
                added.Verified.Add(new VerifiedActivity(current.Id, current.DateVerified, today));
                current.DateVerified = today;
            }

            return;
        }

        var activity = NewActivity(p, code, today, endOfYear, school.LaEstab, school.Name, null);
        activity.DateVerified = today;
        added.Activities.Add(activity.Id);
    }

    private void ApplyEnrolment(YoungPerson p, IncomingEnrolment e, Organisation? provider, AddedRows added)
    {
        if (e.LeftOn is { } left)
        {
            // A leaver notice: the young person's situation is not known from the day after they left until someone
            // finds out, and their adviser must find out within the configured working days.
            if (p.Activities.Any(a => a.StartDate >= left && a.StartDate > e.StartDate))
            {
                return;
            }

            var notKnown = NewActivity(p, "810", left.AddDays(1) > today ? today : left.AddDays(1), null, null, null, null);
            added.Activities.Add(notKnown.Id);
            AddTask(p, FollowUpKind.LeftLearning,
                $"{p.PreferredGivenName ?? p.GivenName} {p.FamilyName} left {e.ProviderName ?? provider?.Name ?? "learning"} on {left:d MMMM yyyy}{(e.LeavingReason is null ? "" : $" ({e.LeavingReason})")}: find out what they are doing now",
                notKnown.Id, added);
            return;
        }

        var code = e.ActivityCode ?? "230";
        if (p.Activities.Any(a => a.Code == code && a.StartDate == e.StartDate && a.Ukprn == e.Ukprn))
        {
            return;
        }

        var activity = NewActivity(p, code, e.StartDate, e.PlannedEndDate, provider?.LaEstab, e.ProviderName ?? provider?.Name, e.Ukprn);
        activity.DateAscertained = e.StartDate > today ? e.StartDate : today;
        activity.DateVerified = activity.DateAscertained;
        added.Activities.Add(activity.Id);
    }

    private void ApplyBenefitClaim(YoungPerson p, IncomingBenefitClaim claim, AddedRows added)
    {
        var title = $"{p.PreferredGivenName ?? p.GivenName} {p.FamilyName} claimed {claim.BenefitType} on {claim.ClaimDate:d MMMM yyyy}: check whether they are NEET and offer support";
        // PendingTitles holds the titles already held and those added by this import (AddTask adds to it). Looking in
        // db.FollowUpTasks.Local instead would scan every tracked entity for changes on each row.
        if (PendingTitles.Contains((p.Id, title)))
        {
            return;
        }

        AddTask(p, FollowUpKind.BenefitClaim, title, null, added);
    }

    /// <summary>Follow-up titles already held for the people being imported, loaded by the caller so a second import adds none.</summary>
    public HashSet<(Guid, string)> PendingTitles { get; init; } = [];

    private Activity NewActivity(YoungPerson p, string code, DateOnly start, DateOnly? predictedEnd, string? establishment, string? establishmentName, string? ukprn)
    {
        var activity = new Activity
        {
            YoungPersonId = p.Id,
            Code = code,
            StartDate = start,
            DateAscertained = today < start ? start : today,
            PredictedEndDate = predictedEnd,
            EstablishmentNumber = establishment,
            EstablishmentName = establishmentName,
            Ukprn = ukprn,
            NeetStartDate = ActivityCodes.Neet.Contains(code) ? start : null,
            Source = source,
            RecordedByUserId = userId,
            RecordedAt = now,
        };
        p.Activities.Add(activity);
        db.Activities.Add(activity);
        return activity;
    }

    private void AddTask(YoungPerson p, FollowUpKind kind, string title, Guid? activityId, AddedRows added)
    {
        var task = new FollowUpTask
        {
            YoungPersonId = p.Id,
            AssignedToUserId = p.AdviserUserId,
            Kind = kind,
            Title = title,
            DueOn = WorkingDays.Add(today, options.FollowUpWorkingDays, options.BankHolidays),
            CreatedAt = now,
            CreatedByUserId = userId,
            SourceActivityId = activityId,
        };
        db.FollowUpTasks.Add(task);
        PendingTitles.Add((p.Id, title));
        added.Tasks.Add(task.Id);
    }
}
