using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tasks;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tracking;

public sealed record RecordActivityOptions(Guid YoungPersonId, Guid ExpectedVersion, ActivityEntry Entry, string? EstablishmentName, string Source);

public sealed record UpdateDetailsOptions(
    Guid YoungPersonId,
    Guid ExpectedVersion,
    string GivenName,
    string? MiddleNames,
    string FamilyName,
    string? PreferredGivenName,
    string? PreferredFamilyName,
    DateOnly DateOfBirth,
    Gender Gender,
    string EthnicityCode,
    string? AddressLine1,
    string? AddressLine2,
    string? Town,
    string? Postcode,
    string? Email,
    string? Phone,
    string? ContactPreference,
    string? Upn,
    string? Uln,
    int LevelOfNeed,
    bool HasEhcPlan,
    bool HasSenSupport,
    string? EducatedLaCode = null,
    string? LaCodeAtYear11 = null);

public sealed record ChangeCohortStatusOptions(Guid YoungPersonId, Guid ExpectedVersion, CohortStatus NewStatus, string Reason, DateOnly EffectiveOn, string? TransferredToLaCode);

public sealed record SetIntendedDestinationOptions(Guid YoungPersonId, Guid ExpectedVersion, string Code);

public sealed record SetSeptemberGuaranteeOptions(Guid YoungPersonId, Guid ExpectedVersion, int YearGroup, string StatusCode, string? ProviderName, Guid? ProviderOrganisationId);

/// <summary>The record changed under the user's feet: someone else saved it after they opened it.</summary>
public sealed class ConcurrencyConflictException(Guid youngPersonId)
    : Exception("Someone else changed this young person's record after you opened it.")
{
    public Guid YoungPersonId { get; } = youngPersonId;
}

/// <summary>The record is not one the user may change (or does not exist); shown as "not found".</summary>
public sealed class RecordNotFoundException(Guid youngPersonId) : Exception("No such young person for this user.")
{
    public Guid YoungPersonId { get; } = youngPersonId;
}

public sealed class RuleViolationException(IReadOnlyList<RuleViolation> violations)
    : Exception(string.Join("; ", violations.Select(v => v.Message)))
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;
}

/// <summary>
/// Every change to a young person's tracking record: activities, details, cohort status, intended destination and
/// September Guarantee. Each call checks the user may change this record, refuses a stale version, enforces the NCCIS
/// entry rules, and writes the change and its audit event (with old and new values) in one save.
/// </summary>
public class ParticipationService(
    WaypointDbContext db,
    YoungPersonAccess access,
    AuditTrail audit,
    TimeProvider clock,
    CurrencyCalculator currency,
    ActivityRules rules,
    TrackingOptions options)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The record's current version, when the actor may see it.</summary>
    public async Task<Guid?> CurrentVersionAsync(Actor actor, Guid youngPersonId, CancellationToken cancellationToken = default) =>
        await access.VisibleTo(actor).Where(p => p.Id == youngPersonId).Select(p => (Guid?)p.Version).SingleOrDefaultAsync(cancellationToken);

    public static bool CanChange(Actor actor) => actor.Role is { } role && (role.IsLaWide() || role.IsEstablishmentStaff());

    public async Task<Activity> RecordActivityAsync(Actor actor, RecordActivityOptions command, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(actor, command.YoungPersonId, command.ExpectedVersion, "record activity", cancellationToken);
        var entry = command.Entry with { DateAscertained = command.Entry.DateAscertained ?? Today };
        var violations = rules.Validate(entry, Facts(person), Today);
        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }

        var previous = CurrentActivity.Of(person.Activities);
        var previousNotKnown = previous is not null && CurrentActivity.IsNotKnown(previous.Code, previous.DueToLapseDate, Today);
        var activity = new Activity
        {
            YoungPersonId = person.Id,
            Code = entry.Code!,
            StartDate = entry.StartDate!.Value,
            DateAscertained = entry.DateAscertained!.Value,
            DateVerified = entry.DateVerified,
            ReviewDate = entry.ReviewDate,
            PredictedEndDate = entry.PredictedEndDate,
            NeetStartDate = entry.NeetStartDate,
            EstablishmentNumber = entry.EstablishmentNumber,
            EstablishmentName = command.EstablishmentName,
            Ukprn = entry.Ukprn,
            Source = command.Source,
            RecordedByUserId = actor.UserId,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        person.Activities.Add(activity);
        db.Activities.Add(activity);
        CurrentActivity.Apply(person, currency);
        Touch(person);

        if (person.CurrentActivityId == activity.Id)
        {
            if (CurrentActivity.IsNeet(activity.Code) && !CurrentActivity.IsNeet(previous?.Code))
            {
                AddFollowUp(actor, person, activity, FollowUpKind.BecameNeet,
                    $"Contact {person.DisplayName}: NEET ({ActivityCodes.Describe(activity.Code)}) since {activity.NeetStartDate:d MMMM yyyy}");
            }
            else if (CurrentActivity.IsNotKnown(activity.Code, activity.DueToLapseDate, Today) && !previousNotKnown)
            {
                AddFollowUp(actor, person, activity, FollowUpKind.BecameNotKnown, $"Find out what {person.DisplayName} is doing now: activity not known");
            }
        }

        AuditChange(actor, person, AuditActions.ActivityRecorded, details: new
        {
            activityId = activity.Id,
            code = activity.Code,
            startDate = activity.StartDate,
            neetStartDate = activity.NeetStartDate,
            reviewDate = activity.ReviewDate,
            predictedEndDate = activity.PredictedEndDate,
            source = activity.Source,
            previousCode = previous?.Code,
            dueToLapseDate = activity.DueToLapseDate,
        });
        await SaveAsync(actor, person, cancellationToken);
        return activity;
    }

    /// <summary>Confirms the current activity is still right, as at today (quick verification on the phone).</summary>
    public async Task VerifyCurrentActivityAsync(Actor actor, Guid youngPersonId, Guid expectedVersion, string source, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(actor, youngPersonId, expectedVersion, "verify activity", cancellationToken);
        var current = CurrentActivity.Of(person.Activities) ?? throw new RuleViolationException([new RuleViolation("Code", "There is no current activity to confirm. Record one instead", null)]);
        var previousVerified = current.DateVerified;
        current.DateVerified = Today;
        CurrentActivity.Apply(person, currency);
        Touch(person);
        AuditChange(actor, person, AuditActions.ActivityVerified, details: new
        {
            activityId = current.Id,
            code = current.Code,
            source,
            changes = new[] { new FieldChange("DateVerified", Format(previousVerified), Format(current.DateVerified)) },
            dueToLapseDate = current.DueToLapseDate,
        });
        await SaveAsync(actor, person, cancellationToken);
    }

    public async Task UpdateDetailsAsync(Actor actor, UpdateDetailsOptions command, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(actor, command.YoungPersonId, command.ExpectedVersion, "edit details", cancellationToken);
        var postcode = string.IsNullOrWhiteSpace(command.Postcode) ? null : Postcode.Normalise(command.Postcode);
        var upn = command.Upn?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var violations = PersonRules.Validate(command.DateOfBirth, command.Gender, command.EthnicityCode, postcode, upn, command.Uln,
            command.LevelOfNeed, command.HasEhcPlan, command.HasSenSupport, person.Characteristics.Where(c => c.EndDate is null).Select(c => c.Code).ToList());
        if (command.EducatedLaCode is { } educated && !LaCodes.IsValidOrSpecial(educated))
        {
            violations = [.. violations, new RuleViolation("EducatedLaCode", "Enter the 3-digit code of the local authority where they are educated, or 000 to 004", 19)];
        }

        if (command.LaCodeAtYear11 is { } atYear11 && !LaCodes.IsValidOrSpecial(atYear11))
        {
            violations = [.. violations, new RuleViolation("LaCodeAtYear11", "Enter the 3-digit code of the local authority they were in at Year 11, or 000 to 004", 24)];
        }

        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }

        var changes = new List<FieldChange>();
        void Set<T>(string field, T current, T updated, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, updated))
            {
                changes.Add(new FieldChange(field, Format(current), Format(updated)));
                assign(updated);
            }
        }

        Set(nameof(person.GivenName), person.GivenName, command.GivenName, v => person.GivenName = v);
        Set(nameof(person.MiddleNames), person.MiddleNames, command.MiddleNames, v => person.MiddleNames = v);
        Set(nameof(person.FamilyName), person.FamilyName, command.FamilyName, v => person.FamilyName = v);
        Set(nameof(person.PreferredGivenName), person.PreferredGivenName, command.PreferredGivenName, v => person.PreferredGivenName = v);
        Set(nameof(person.PreferredFamilyName), person.PreferredFamilyName, command.PreferredFamilyName, v => person.PreferredFamilyName = v);
        Set(nameof(person.DateOfBirth), person.DateOfBirth, command.DateOfBirth, v => person.DateOfBirth = v);
        Set(nameof(person.Gender), person.Gender, command.Gender, v => person.Gender = v);
        Set(nameof(person.EthnicityCode), person.EthnicityCode, command.EthnicityCode, v => person.EthnicityCode = v);
        Set(nameof(person.AddressLine1), person.AddressLine1, command.AddressLine1, v => person.AddressLine1 = v);
        Set(nameof(person.AddressLine2), person.AddressLine2, command.AddressLine2, v => person.AddressLine2 = v);
        Set(nameof(person.Town), person.Town, command.Town, v => person.Town = v);
        Set(nameof(person.Postcode), person.Postcode, postcode, v => person.Postcode = v);
        Set(nameof(person.Email), person.Email, command.Email, v => person.Email = v);
        Set(nameof(person.Phone), person.Phone, command.Phone, v => person.Phone = v);
        Set(nameof(person.ContactPreference), person.ContactPreference, command.ContactPreference, v => person.ContactPreference = v);
        Set(nameof(person.Upn), person.Upn, upn, v => person.Upn = v);
        Set(nameof(person.Uln), person.Uln, command.Uln, v => person.Uln = v);
        Set(nameof(person.LevelOfNeed), person.LevelOfNeed, command.LevelOfNeed, v => person.LevelOfNeed = v);
        Set(nameof(person.HasEhcPlan), person.HasEhcPlan, command.HasEhcPlan, v => person.HasEhcPlan = v);
        Set(nameof(person.HasSenSupport), person.HasSenSupport, command.HasSenSupport, v => person.HasSenSupport = v);
        Set(nameof(person.EducatedLaCode), person.EducatedLaCode, command.EducatedLaCode, v => person.EducatedLaCode = v);
        Set(nameof(person.LaCodeAtYear11), person.LaCodeAtYear11, command.LaCodeAtYear11, v => person.LaCodeAtYear11 = v);
        if (changes.Count == 0)
        {
            return;
        }

        person.SearchName = NameSearch.Key(person.GivenName, person.FamilyName);
        person.PostcodeDistrict = person.Postcode is null ? null : Postcode.District(person.Postcode);
        Touch(person);
        AuditChange(actor, person, AuditActions.YoungPersonUpdated, details: new { changes });
        await SaveAsync(actor, person, cancellationToken);
    }

    public async Task ChangeCohortStatusAsync(Actor actor, ChangeCohortStatusOptions command, CancellationToken cancellationToken = default)
    {
        if (actor.Role?.IsLaWide() != true)
        {
            throw new RecordNotFoundException(command.YoungPersonId);
        }

        var person = await LoadForChangeAsync(actor, command.YoungPersonId, command.ExpectedVersion, "change cohort status", cancellationToken);
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            violations.Add(new RuleViolation("Reason", "Enter why the cohort status is changing", null));
        }

        var transferTo = command.TransferredToLaCode?.Trim();
        switch (command.NewStatus)
        {
            case CohortStatus.T when transferTo is null || !LaCodes.IsEnglishLa(transferTo):
                violations.Add(new RuleViolation("TransferredToLaCode", "Enter the 3-digit code of the local authority the young person has moved to", 35));
                break;
            case CohortStatus.T when transferTo == person.LeadLaCode:
                violations.Add(new RuleViolation("TransferredToLaCode", "The receiving local authority cannot be this one", 42));
                break;
            case CohortStatus.E when transferTo is not ("000" or "001" or "002" or "003"):
                violations.Add(new RuleViolation("TransferredToLaCode", "Choose where the young person has gone: abroad, Wales, Scotland or elsewhere in the UK", 35));
                break;
            case not (CohortStatus.T or CohortStatus.E) when transferTo is not null:
                violations.Add(new RuleViolation("TransferredToLaCode", "Only a transfer or a move out of England has a destination code", 34));
                break;
            default:
                break;
        }

        if (command.NewStatus == person.CohortStatus)
        {
            violations.Add(new RuleViolation("NewStatus", "The young person already has this cohort status", null));
        }

        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }

        var change = new CohortStatusChange
        {
            YoungPersonId = person.Id,
            From = person.CohortStatus,
            To = command.NewStatus,
            Reason = command.Reason.Trim(),
            EffectiveOn = command.EffectiveOn,
            TransferredToLaCode = transferTo,
            ChangedByUserId = actor.UserId,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CohortStatusChanges.Add(change);
        person.CohortStatus = command.NewStatus;
        person.CohortStatusReason = change.Reason;
        person.CohortStatusChangedOn = command.EffectiveOn;
        person.TransferredToLaCode = transferTo;
        Touch(person);
        AuditChange(actor, person, AuditActions.CohortStatusChanged, reason: change.Reason, details: new { changes = new[] { new FieldChange("CohortStatus", change.From.ToString(), change.To.ToString()) }, transferredToLaCode = transferTo, effectiveOn = command.EffectiveOn });
        await SaveAsync(actor, person, cancellationToken);
    }

    public async Task SetIntendedDestinationAsync(Actor actor, SetIntendedDestinationOptions command, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(actor, command.YoungPersonId, command.ExpectedVersion, "intended destination", cancellationToken);
        if (!IntendedDestinationCodes.IsValid(command.Code))
        {
            throw new RuleViolationException([new RuleViolation("Code", "Choose an intended destination", 302)]);
        }

        var old = person.IntendedDestinationCode;
        person.IntendedDestinationCode = command.Code;
        person.IntendedDestinationRecordedOn = Today;
        Touch(person);
        AuditChange(actor, person, AuditActions.IntendedDestinationSet, details: new { changes = new[] { new FieldChange("IntendedDestinationCode", old, command.Code) } });
        await SaveAsync(actor, person, cancellationToken);
    }

    public async Task SetSeptemberGuaranteeAsync(Actor actor, SetSeptemberGuaranteeOptions command, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(actor, command.YoungPersonId, command.ExpectedVersion, "September Guarantee", cancellationToken);
        if (!SeptemberGuaranteeCodes.IsValidFor(command.StatusCode, command.YearGroup))
        {
            throw new RuleViolationException([new RuleViolation("StatusCode", $"Choose a September Guarantee status that applies in Year {command.YearGroup}", 27)]);
        }

        var academicYear = AcademicAge.AcademicYearStart(Today);
        var offer = person.SeptemberGuarantee.SingleOrDefault(o => o.AcademicYear == academicYear && o.YearGroup == command.YearGroup);
        var old = offer?.StatusCode;
        if (offer is null)
        {
            offer = new SeptemberGuaranteeOffer { YoungPersonId = person.Id, AcademicYear = academicYear, YearGroup = command.YearGroup, StatusCode = command.StatusCode, LaCode = person.LeadLaCode };
            person.SeptemberGuarantee.Add(offer);
            db.SeptemberGuaranteeOffers.Add(offer);
        }

        offer.StatusCode = command.StatusCode;
        offer.ProviderName = command.ProviderName;
        offer.ProviderOrganisationId = command.ProviderOrganisationId;
        offer.RecordedOn = Today;
        offer.RecordedByUserId = actor.UserId;
        Touch(person);
        AuditChange(actor, person, AuditActions.SeptemberGuaranteeSet, details: new { yearGroup = command.YearGroup, academicYear, provider = command.ProviderName, changes = new[] { new FieldChange($"SeptemberGuaranteeYear{command.YearGroup}", old, command.StatusCode) } });
        await SaveAsync(actor, person, cancellationToken);
    }

    public async Task AssignAdviserAsync(Actor actor, Guid youngPersonId, Guid expectedVersion, Guid? adviserUserId, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(actor, youngPersonId, expectedVersion, "assign adviser", cancellationToken);
        if (adviserUserId is { } id && !await db.Users.AnyAsync(u => u.Id == id && u.Role == WaypointRole.PersonalAdviser, cancellationToken))
        {
            throw new RuleViolationException([new RuleViolation("AdviserUserId", "Choose a personal adviser", null)]);
        }

        var old = person.AdviserUserId;
        person.AdviserUserId = adviserUserId;
        Touch(person);
        AuditChange(actor, person, AuditActions.AdviserAssigned, details: new { changes = new[] { new FieldChange("AdviserUserId", old?.ToString(), adviserUserId?.ToString()) } });
        await SaveAsync(actor, person, cancellationToken);
    }

    public async Task AddCharacteristicAsync(Actor actor, Guid youngPersonId, Guid expectedVersion, string code, DateOnly startDate, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(actor, youngPersonId, expectedVersion, "add characteristic", cancellationToken);
        var violations = new List<RuleViolation>();
        if (!CharacteristicCodes.All.ContainsKey(code))
        {
            violations.Add(new RuleViolation("Code", "Choose a characteristic", 104));
        }
        else if (code == "180" && person.Gender == Gender.M)
        {
            violations.Add(new RuleViolation("Code", "Characteristic 180 (pregnant) cannot be recorded for a young person whose gender is male", 260));
        }
        else if (person.Characteristics.Any(c => c.Code == code && (c.EndDate is null || c.EndDate >= startDate)))
        {
            violations.Add(new RuleViolation("Code", "This characteristic is already recorded for that date", null));
        }

        if (startDate > Today)
        {
            violations.Add(new RuleViolation("StartDate", "The start date must be today or in the past", null));
        }

        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }

        var characteristic = new Characteristic { YoungPersonId = person.Id, Code = code, StartDate = startDate };
        person.Characteristics.Add(characteristic);
        db.Characteristics.Add(characteristic);
        Touch(person);
        AuditChange(actor, person, AuditActions.CharacteristicAdded, details: new { changes = new[] { new FieldChange($"Characteristic {code}", null, $"from {Format(startDate)}") } });
        await SaveAsync(actor, person, cancellationToken);
    }

    public async Task EndCharacteristicAsync(Actor actor, Guid youngPersonId, Guid expectedVersion, Guid characteristicId, DateOnly endDate, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(actor, youngPersonId, expectedVersion, "end characteristic", cancellationToken);
        var characteristic = person.Characteristics.SingleOrDefault(c => c.Id == characteristicId && c.EndDate is null)
            ?? throw new RuleViolationException([new RuleViolation("Code", "That characteristic has already ended", null)]);
        if (endDate < characteristic.StartDate || endDate > Today)
        {
            throw new RuleViolationException([new RuleViolation("EndDate", "The end date must be between the start date and today", null)]);
        }

        characteristic.EndDate = endDate;
        Touch(person);
        AuditChange(actor, person, AuditActions.CharacteristicEnded, details: new { changes = new[] { new FieldChange($"Characteristic {characteristic.Code}", $"from {Format(characteristic.StartDate)}", $"ended {Format(endDate)}") } });
        await SaveAsync(actor, person, cancellationToken);
    }

    /// <summary>
    /// Opens a follow-up for every young person whose current activity lapsed into "not known" and who has no open
    /// follow-up for it yet. Run on a schedule; safe to run again.
    /// </summary>
    public async Task<int> CreateLapsedFollowUpsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var lapsed = await db.YoungPeople
            .Where(p => (p.CohortStatus == CohortStatus.P || p.CohortStatus == CohortStatus.G) && p.CurrentDueToLapse != null && p.CurrentDueToLapse <= today)
            .Where(p => !db.FollowUpTasks.Any(t => t.YoungPersonId == p.Id && t.SourceActivityId == p.CurrentActivityId && t.Kind == FollowUpKind.BecameNotKnown))
            .Select(p => new { p.Id, p.AdviserUserId, p.CurrentActivityId, p.GivenName, p.PreferredGivenName, p.FamilyName, p.CurrentDueToLapse })
            .Take(5000)
            .ToListAsync(cancellationToken);
        foreach (var p in lapsed)
        {
            db.FollowUpTasks.Add(new FollowUpTask
            {
                YoungPersonId = p.Id,
                AssignedToUserId = p.AdviserUserId,
                Kind = FollowUpKind.BecameNotKnown,
                Title = $"Find out what {p.PreferredGivenName ?? p.GivenName} {p.FamilyName} is doing now: activity lapsed on {p.CurrentDueToLapse:d MMMM yyyy}",
                DueOn = WorkingDays.Add(today, options.FollowUpWorkingDays, options.BankHolidays),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                SourceActivityId = p.CurrentActivityId,
            });
        }

        if (lapsed.Count > 0)
        {
            audit.Add(actor, AuditActions.FollowUpsCreated, details: new { kind = FollowUpKind.BecameNotKnown.ToString(), count = lapsed.Count });
            await db.SaveChangesAsync(cancellationToken);
        }

        return lapsed.Count;
    }

    private void AddFollowUp(Actor actor, YoungPerson person, Activity activity, FollowUpKind kind, string title) =>
        db.FollowUpTasks.Add(new FollowUpTask
        {
            YoungPersonId = person.Id,
            AssignedToUserId = person.AdviserUserId,
            Kind = kind,
            Title = title,
            DueOn = WorkingDays.Add(DateOnly.FromDateTime(activity.RecordedAt), options.FollowUpWorkingDays, options.BankHolidays),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = actor.UserId,
            SourceActivityId = activity.Id,
        });

    private async Task<YoungPerson> LoadForChangeAsync(Actor actor, Guid youngPersonId, Guid expectedVersion, string purpose, CancellationToken cancellationToken)
    {
        YoungPerson? person = null;
        if (CanChange(actor))
        {
            person = await access.VisibleTo(actor)
                .Include(p => p.Activities)
                .Include(p => p.Characteristics)
                .Include(p => p.SeptemberGuarantee)
                .AsSplitQuery()
                .SingleOrDefaultAsync(p => p.Id == youngPersonId, cancellationToken);
        }

        if (person is null)
        {
            var exists = await db.YoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken);
            await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "YoungPerson", youngPersonId.ToString(), exists ? youngPersonId : null,
                details: new { purpose, reason = exists ? "not allowed to change this record" : "no such record" }, cancellationToken: cancellationToken);
            throw new RecordNotFoundException(youngPersonId);
        }

        if (person.Version != expectedVersion)
        {
            await RecordConflictAsync(actor, person.Id, purpose, cancellationToken);
            throw new ConcurrencyConflictException(person.Id);
        }

        return person;
    }

    private async Task SaveAsync(Actor actor, YoungPerson person, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save landed between our read and our write: keep nothing of ours, record the attempt.
            db.ChangeTracker.Clear();
            await RecordConflictAsync(actor, person.Id, "save", cancellationToken);
            throw new ConcurrencyConflictException(person.Id);
        }
    }

    private async Task RecordConflictAsync(Actor actor, Guid youngPersonId, string purpose, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
        }

        await audit.RecordAsync(actor, AuditActions.UpdateConflict, AuditOutcome.Failed, "YoungPerson", youngPersonId.ToString(), youngPersonId,
            details: new { purpose, reason = "the record was changed by someone else after it was opened" }, cancellationToken: cancellationToken);
    }

    /// <summary>Stages the audit event of a change to this person's record, saved with the change itself.</summary>
    private void AuditChange(Actor actor, YoungPerson person, string action, object details, string? reason = null) =>
        audit.Add(actor, action, entityType: "YoungPerson", entityId: person.Id.ToString(), youngPersonId: person.Id, reason: reason, details: details);

    private void Touch(YoungPerson person) => person.UpdatedAt = clock.GetUtcNow().UtcDateTime;

    private PersonFacts Facts(YoungPerson person) => new(person.DateOfBirth, person.Gender, person.HasEhcPlan,
        person.Characteristics.Where(c => c.EndDate is null || c.EndDate >= Today).Select(c => c.Code).ToList());

    private static string? Format<T>(T value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
