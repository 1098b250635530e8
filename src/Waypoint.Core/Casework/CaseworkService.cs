using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tasks;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Casework;

public sealed record NewPlanAction(string Description, ActionOwner Owner, DateOnly? DueOn);

public sealed record RecordContactOptions(
    Guid YoungPersonId,
    DateOnly OccurredOn,
    ContactChannel Channel,
    ContactType Type,
    int? DurationMinutes,
    string? Location,
    string? Outcome,
    string? Note,
    NoteSensitivity Sensitivity,
    IReadOnlyList<NewPlanAction> Actions);

public sealed record MakeReferralOptions(Guid YoungPersonId, ReferralService Service, string Reason, DateOnly MadeOn, bool IsSafeguarding, string? DesignatedPerson);

/// <summary>A contact as a list shows it: the note is present only when the viewer may read it, else masked.</summary>
public sealed record ContactListItem(
    Guid Id, DateOnly OccurredOn, ContactChannel Channel, ContactType Type, int? DurationMinutes, string? Location, string? Outcome,
    string? Note, NoteSensitivity Sensitivity, string RecordedByName)
{
    public bool NoteMasked => Sensitivity != NoteSensitivity.None;
}

/// <summary>
/// The adviser's casework on a young person: contacts and interventions, the action plan and referrals. Every call
/// loads the record through <see cref="YoungPersonAccess"/>, only LA-wide staff may do casework, and every change,
/// and every reading of a sensitive note, is in the audit trail with the change in one save.
/// </summary>
public class CaseworkService(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit, TimeProvider clock, CaseworkOptions options, TrackingOptions tracking)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Casework is the LA's careers service's: LA-wide staff of the young person's LA.</summary>
    public static bool CanDoCasework(Actor actor) => actor.Role?.IsLaWide() == true;

    public bool CanReadSensitiveNotes(Actor actor) => actor.Role is { } role && options.SensitiveNoteRoles.Contains(role);

    public async Task<CaseContact> RecordContactAsync(Actor actor, RecordContactOptions o, CancellationToken cancellationToken = default)
    {
        var person = await LoadAsync(actor, o.YoungPersonId, "record a contact", cancellationToken);
        var violations = new List<RuleViolation>();
        if (o.OccurredOn > Today)
        {
            violations.Add(new RuleViolation("OccurredOn", "The date of the contact must be today or in the past", null));
        }

        if (o.DurationMinutes is < 0 or > 24 * 60)
        {
            violations.Add(new RuleViolation("DurationMinutes", "The duration must be between 0 and 1,440 minutes", null));
        }

        if (o.Sensitivity != NoteSensitivity.None && string.IsNullOrWhiteSpace(o.Note))
        {
            violations.Add(new RuleViolation("Note", "Enter the note you are marking as sensitive", null));
        }

        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var contact = new CaseContact
        {
            YoungPersonId = person.Id,
            OccurredOn = o.OccurredOn,
            Channel = o.Channel,
            Type = o.Type,
            DurationMinutes = o.DurationMinutes,
            Location = o.Location,
            Outcome = o.Outcome,
            Note = string.IsNullOrWhiteSpace(o.Note) ? null : o.Note,
            Sensitivity = o.Sensitivity,
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
            RecordedAt = now,
        };
        db.CaseContacts.Add(contact);

        // The note itself stays out of the audit trail: the trail is read more widely than sensitive notes may be.
        audit.Add(actor, AuditActions.ContactRecorded, entityType: "CaseContact", entityId: contact.Id.ToString(), youngPersonId: person.Id,
            details: new { type = o.Type.ToString(), channel = o.Channel.ToString(), o.OccurredOn, sensitivity = o.Sensitivity.ToString(), actions = o.Actions.Count });
        foreach (var action in o.Actions)
        {
            AddAction(actor, person, action, contact.Id, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return contact;
    }

    public async Task<PlanAction> AddActionAsync(Actor actor, Guid youngPersonId, NewPlanAction action, CancellationToken cancellationToken = default)
    {
        var person = await LoadAsync(actor, youngPersonId, "add an action", cancellationToken);
        var added = AddAction(actor, person, action, null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    public async Task SetActionStatusAsync(Actor actor, Guid youngPersonId, Guid actionId, PlanActionStatus status, CancellationToken cancellationToken = default)
    {
        var person = await LoadAsync(actor, youngPersonId, "update an action", cancellationToken);
        var action = await db.PlanActions.SingleOrDefaultAsync(a => a.Id == actionId && a.YoungPersonId == person.Id, cancellationToken)
            ?? throw new RecordNotFoundException(youngPersonId);
        var old = action.Status;
        action.Status = status;
        action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!action.IsOpen)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await foreach (var task in db.FollowUpTasks.Where(t => t.SourceActivityId == action.Id && t.Kind == FollowUpKind.ActionDue && t.CompletedAt == null).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                task.CompletedAt = now;
                task.CompletedByUserId = actor.UserId;
                task.Outcome = $"Action {CaseworkText.Describe(status).ToLowerInvariant()}";
            }
        }

        audit.Add(actor, AuditActions.PlanActionUpdated, entityType: "PlanAction", entityId: action.Id.ToString(), youngPersonId: person.Id,
            details: new { changes = new[] { new FieldChange("Status", old.ToString(), status.ToString()) } });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Referral> MakeReferralAsync(Actor actor, MakeReferralOptions o, CancellationToken cancellationToken = default)
    {
        var person = await LoadAsync(actor, o.YoungPersonId, "make a referral", cancellationToken);
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(o.Reason))
        {
            violations.Add(new RuleViolation("Reason", "Enter why you are making the referral", null));
        }

        if (o.IsSafeguarding && string.IsNullOrWhiteSpace(o.DesignatedPerson))
        {
            violations.Add(new RuleViolation("DesignatedPerson", "Enter the name of the designated safeguarding person you told", null));
        }

        if (o.MadeOn > Today)
        {
            violations.Add(new RuleViolation("MadeOn", "The date of the referral must be today or in the past", null));
        }

        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var referral = new Referral
        {
            YoungPersonId = person.Id,
            Service = o.Service,
            Reason = o.Reason,
            MadeOn = o.MadeOn,
            IsSafeguarding = o.IsSafeguarding,
            DesignatedPerson = o.IsSafeguarding ? o.DesignatedPerson : null,
            Status = ReferralStatus.Made,
            CreatedByUserId = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Referrals.Add(referral);
        audit.Add(actor, AuditActions.ReferralMade, entityType: "Referral", entityId: referral.Id.ToString(), youngPersonId: person.Id,
            details: new { service = o.Service.ToString(), safeguarding = o.IsSafeguarding, designatedPerson = referral.DesignatedPerson, o.MadeOn });
        await db.SaveChangesAsync(cancellationToken);
        return referral;
    }

    public async Task UpdateReferralAsync(Actor actor, Guid youngPersonId, Guid referralId, ReferralStatus status, string? outcome, CancellationToken cancellationToken = default)
    {
        var person = await LoadAsync(actor, youngPersonId, "update a referral", cancellationToken);
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.YoungPersonId == person.Id, cancellationToken)
            ?? throw new RecordNotFoundException(youngPersonId);
        var changes = new List<FieldChange>();
        if (referral.Status != status)
        {
            changes.Add(new FieldChange("Status", referral.Status.ToString(), status.ToString()));
            referral.Status = status;
            referral.StatusChangedOn = Today;
        }

        var newOutcome = string.IsNullOrWhiteSpace(outcome) ? referral.Outcome : outcome;
        if (newOutcome != referral.Outcome)
        {
            changes.Add(new FieldChange("Outcome", referral.Outcome, newOutcome));
            referral.Outcome = newOutcome;
        }

        if (changes.Count == 0)
        {
            return;
        }

        referral.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(actor, AuditActions.ReferralUpdated, entityType: "Referral", entityId: referral.Id.ToString(), youngPersonId: person.Id,
            details: new { safeguarding = referral.IsSafeguarding, changes });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The contacts, newest first, with sensitive notes masked (<see cref="ContactListItem.Note"/> null) whoever asks.</summary>
    public async Task<IReadOnlyList<ContactListItem>> ContactsAsync(Guid youngPersonId, CancellationToken cancellationToken = default) =>
        await db.CaseContacts.AsNoTracking()
            .Where(c => c.YoungPersonId == youngPersonId)
            .OrderByDescending(c => c.OccurredOn).ThenByDescending(c => c.RecordedAt)
            .Select(c => new ContactListItem(c.Id, c.OccurredOn, c.Channel, c.Type, c.DurationMinutes, c.Location, c.Outcome,
                c.Sensitivity == NoteSensitivity.None ? c.Note : null, c.Sensitivity, c.RecordedByName))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Reads one sensitive note for a user whose role may, writing the view to the audit trail; a refusal is audited too
    /// and answers null, as does a contact that is not there or not the user's to see.
    /// </summary>
    public async Task<CaseContact?> OpenSensitiveNoteAsync(Actor actor, Guid youngPersonId, Guid contactId, CancellationToken cancellationToken = default)
    {
        var contact = CanDoCasework(actor)
            ? await db.CaseContacts.AsNoTracking()
                .Where(c => c.Id == contactId && c.YoungPersonId == youngPersonId && access.VisibleTo(actor).Any(p => p.Id == c.YoungPersonId))
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        if (contact is null || !CanReadSensitiveNotes(actor))
        {
            await audit.RecordAsync(actor, AuditActions.SensitiveNoteViewed, AuditOutcome.Denied, "CaseContact", contactId.ToString(), contact?.YoungPersonId,
                details: new { reason = contact is null ? "no such contact for this user" : "role may not read sensitive notes" }, cancellationToken: cancellationToken);
            return null;
        }

        await audit.RecordAsync(actor, AuditActions.SensitiveNoteViewed, AuditOutcome.Succeeded, "CaseContact", contact.Id.ToString(), contact.YoungPersonId,
            details: new { sensitivity = contact.Sensitivity.ToString() }, cancellationToken: cancellationToken);
        return contact;
    }

    /// <summary>The action plan in the order the young person reads it: open actions by due date, then finished ones.</summary>
    public async Task<IReadOnlyList<PlanAction>> ActionPlanAsync(Guid youngPersonId, CancellationToken cancellationToken = default)
    {
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.YoungPersonId == youngPersonId).ToListAsync(cancellationToken);
        return actions.OrderBy(a => a.IsOpen ? 0 : 1).ThenBy(a => a.DueOn ?? DateOnly.MaxValue).ThenBy(a => a.CreatedAt).ToList();
    }

    /// <summary>Referrals for a viewer: parents and carers never see a safeguarding referral.</summary>
    public async Task<IReadOnlyList<Referral>> ReferralsAsync(Actor viewer, Guid youngPersonId, CancellationToken cancellationToken = default)
    {
        var query = db.Referrals.AsNoTracking().Where(r => r.YoungPersonId == youngPersonId);
        if (!CanDoCasework(viewer))
        {
            query = query.Where(r => !r.IsSafeguarding);
        }

        var referrals = await query.ToListAsync(cancellationToken);
        return referrals.OrderByDescending(r => r.MadeOn).ThenByDescending(r => r.CreatedAt).ToList();
    }

    /// <summary>
    /// Opens the rule-made tasks that depend on the date: a young person within <see cref="CaseworkOptions.Approaching18Days"/>
    /// of 18 needs the Jobcentre Plus conversation. Run on a schedule; safe to run again.
    /// </summary>
    public async Task<int> CreateDateRuleTasksAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var bornOnOrBefore = today.AddDays(options.Approaching18Days).AddYears(-18);
        var bornAfter = today.AddYears(-18);
        var people = await db.YoungPeople
            .Where(p => (p.CohortStatus == CohortStatus.P || p.CohortStatus == CohortStatus.G) && p.DateOfBirth <= bornOnOrBefore && p.DateOfBirth > bornAfter)
            .Where(p => !db.FollowUpTasks.Any(t => t.YoungPersonId == p.Id && t.Kind == FollowUpKind.Approaching18))
            .Select(p => new { p.Id, p.AdviserUserId, p.DateOfBirth, p.GivenName, p.PreferredGivenName, p.FamilyName })
            .Take(5000)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var p in people)
        {
            var birthday = p.DateOfBirth.AddYears(18);
            db.FollowUpTasks.Add(new FollowUpTask
            {
                YoungPersonId = p.Id,
                AssignedToUserId = p.AdviserUserId,
                Kind = FollowUpKind.Approaching18,
                Title = $"{p.PreferredGivenName ?? p.GivenName} {p.FamilyName} turns 18 on {birthday:d MMMM yyyy}: talk about Jobcentre Plus and adult services",
                DueOn = WorkingDays.Add(today, tracking.FollowUpWorkingDays, tracking.BankHolidays) is var due && due < birthday ? due : birthday,
                CreatedAt = now,
            });
        }

        if (people.Count > 0)
        {
            audit.Add(actor, AuditActions.FollowUpsCreated, details: new { kind = FollowUpKind.Approaching18.ToString(), count = people.Count });
            await db.SaveChangesAsync(cancellationToken);
        }

        return people.Count;
    }

    private PlanAction AddAction(Actor actor, YoungPerson person, NewPlanAction action, Guid? contactId, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(action.Description))
        {
            throw new RuleViolationException([new RuleViolation("ActionDescription", "Enter what needs to be done", null)]);
        }

        var added = new PlanAction
        {
            YoungPersonId = person.Id,
            ContactId = contactId,
            Description = action.Description,
            Owner = action.Owner,
            DueOn = action.DueOn,
            Status = PlanActionStatus.ToDo,
            CreatedAt = now,
            CreatedByUserId = actor.UserId,
            UpdatedAt = now,
        };
        db.PlanActions.Add(added);
        if (action.DueOn is { } due)
        {
            // The rule "action due dates": the adviser follows up on the day, whoever owns the action.
            db.FollowUpTasks.Add(new FollowUpTask
            {
                YoungPersonId = person.Id,
                AssignedToUserId = person.AdviserUserId ?? (actor.Role == WaypointRole.PersonalAdviser ? actor.UserId : null),
                Kind = FollowUpKind.ActionDue,
                Title = $"Action due ({CaseworkText.Describe(action.Owner).ToLowerInvariant()}): {Truncate(action.Description, 200)}",
                DueOn = due,
                CreatedAt = now,
                CreatedByUserId = actor.UserId,
                SourceActivityId = added.Id,
            });
        }

        audit.Add(actor, AuditActions.PlanActionAdded, entityType: "PlanAction", entityId: added.Id.ToString(), youngPersonId: person.Id,
            details: new { owner = action.Owner.ToString(), action.DueOn });
        return added;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private async Task<YoungPerson> LoadAsync(Actor actor, Guid youngPersonId, string purpose, CancellationToken cancellationToken)
    {
        var person = CanDoCasework(actor)
            ? await access.VisibleTo(actor).SingleOrDefaultAsync(p => p.Id == youngPersonId, cancellationToken)
            : null;
        if (person is null)
        {
            var exists = await db.YoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken);
            await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "YoungPerson", youngPersonId.ToString(), exists ? youngPersonId : null,
                details: new { purpose, reason = exists ? "not allowed to do casework on this record" : "no such record" }, cancellationToken: cancellationToken);
            throw new RecordNotFoundException(youngPersonId);
        }

        return person;
    }
}
