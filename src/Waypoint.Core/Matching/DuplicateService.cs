using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Matching;

/// <summary>Two records of one LA that look like the same young person; <see cref="First"/> is the older record.</summary>
public sealed record DuplicatePair(Guid First, Guid Second, MatchScore Score);

public sealed record MergeResult(Guid KeptId, Guid AbsorbedId, int ActivitiesCopied, int CharacteristicsCopied, int TasksMoved, IReadOnlyList<FieldChange> FilledIn);

/// <summary>
/// Finds likely duplicates across an LA's register with the same scoring as imports, and merges a pair: the absorbed
/// record keeps its own history and becomes cohort status M pointing at the kept one, which gains what it lacked (its
/// identifiers, contact details, activities and characteristics it did not hold, and the open follow-ups), so nothing
/// either record held is lost.
/// </summary>
public sealed class DuplicateService(WaypointDbContext db, AuditTrail audit, TimeProvider clock, CurrencyCalculator currency, MatchingOptions options)
{
    public const int MaxPairs = 500;

    public async Task<IReadOnlyList<DuplicatePair>> FindAsync(Actor actor, CancellationToken ct = default)
    {
        var laCode = RequireLa(actor);
        var index = new RegisterIndex(new MatchScorer(options));
        var people = await db.YoungPeople.AsNoTracking().Where(p => p.LeadLaCode == laCode && p.CohortStatus != CohortStatus.M)
            .Select(p => new { p.Id, p.LocalId, Subject = new MatchSubject(p.GivenName, p.FamilyName, p.DateOfBirth, p.Gender, p.Postcode, p.SchoolId, p.Upn, p.Uln, p.FormerUpn) })
            .ToListAsync(ct);
        foreach (var p in people)
        {
            index.Add(p.Id, p.Subject);
        }

        var order = people.ToDictionary(p => p.Id, p => p.LocalId);
        var seen = new HashSet<(Guid, Guid)>();
        var pairs = new List<DuplicatePair>();
        foreach (var p in people)
        {
            var found = index.Find(p.Subject, exclude: p.Id);
            if (found.Decision == MatchDecision.New || found.PersonId is not { } other)
            {
                continue;
            }

            var (first, second) = string.CompareOrdinal(order[p.Id], order[other]) <= 0 ? (p.Id, other) : (other, p.Id);
            if (seen.Add((first, second)))
            {
                pairs.Add(new DuplicatePair(first, second, found.Score!));
            }
        }

        await audit.RecordAsync(actor, AuditActions.DuplicatesSearched, details: new { laCode, pairs = pairs.Count }, cancellationToken: ct);
        return pairs.OrderByDescending(p => p.Score.IdentifierAgrees).ThenByDescending(p => p.Score.Weight).Take(MaxPairs).ToList();
    }

    public async Task<MergeResult> MergeAsync(Actor actor, Guid keepId, Guid absorbId, string reason, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var laCode = RequireLa(actor);
        if (keepId == absorbId)
        {
            throw new RuleViolationException([new RuleViolation("Absorb", "A record cannot be merged into itself", null)]);
        }

        var pair = await db.YoungPeople.Where(p => (p.Id == keepId || p.Id == absorbId) && p.LeadLaCode == laCode)
            .Include(p => p.Activities).Include(p => p.Characteristics).Include(p => p.Census)
            .AsSplitQuery().ToListAsync(ct);
        var keep = pair.Find(p => p.Id == keepId) ?? throw new RecordNotFoundException(keepId);
        var absorb = pair.Find(p => p.Id == absorbId) ?? throw new RecordNotFoundException(absorbId);
        if (absorb.CohortStatus == CohortStatus.M || keep.CohortStatus == CohortStatus.M)
        {
            throw new RuleViolationException([new RuleViolation("Absorb", "One of these records has already been merged", null)]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var filled = new List<FieldChange>();
        void Fill(string field, string? held, string? other, Action<string> set)
        {
            if (string.IsNullOrWhiteSpace(held) && !string.IsNullOrWhiteSpace(other))
            {
                filled.Add(new FieldChange(field, held, other));
                set(other);
            }
        }

        Fill(nameof(YoungPerson.Upn), keep.Upn, absorb.Upn, v => keep.Upn = v);
        Fill(nameof(YoungPerson.FormerUpn), keep.FormerUpn, absorb.Upn != keep.Upn ? absorb.Upn : absorb.FormerUpn, v => keep.FormerUpn = v);
        Fill(nameof(YoungPerson.Uln), keep.Uln, absorb.Uln, v => keep.Uln = v);
        Fill(nameof(YoungPerson.MiddleNames), keep.MiddleNames, absorb.MiddleNames, v => keep.MiddleNames = v);
        Fill(nameof(YoungPerson.PreferredGivenName), keep.PreferredGivenName, absorb.PreferredGivenName, v => keep.PreferredGivenName = v);
        Fill(nameof(YoungPerson.Email), keep.Email, absorb.Email, v => keep.Email = v);
        Fill(nameof(YoungPerson.Phone), keep.Phone, absorb.Phone, v => keep.Phone = v);
        if (keep.Postcode is null && absorb.Postcode is not null)
        {
            filled.Add(new FieldChange("Address", null, $"{absorb.AddressLine1}, {absorb.Postcode}"));
            (keep.AddressLine1, keep.AddressLine2, keep.AddressLine3, keep.Town, keep.County, keep.Postcode, keep.PostcodeDistrict) =
                (absorb.AddressLine1, absorb.AddressLine2, absorb.AddressLine3, absorb.Town, absorb.County, absorb.Postcode, absorb.PostcodeDistrict);
        }

        if (keep.EthnicityCode is "NOBT" or "REFU" && absorb.EthnicityCode is not ("NOBT" or "REFU"))
        {
            filled.Add(new FieldChange(nameof(YoungPerson.EthnicityCode), keep.EthnicityCode, absorb.EthnicityCode));
            keep.EthnicityCode = absorb.EthnicityCode;
        }

        keep.SchoolId ??= absorb.SchoolId;
        keep.AdviserUserId ??= absorb.AdviserUserId;
        keep.HasEhcPlan |= absorb.HasEhcPlan;
        keep.HasSenSupport = keep.HasSenSupport && !keep.HasEhcPlan || absorb.HasSenSupport && !keep.HasEhcPlan;

        var copied = 0;
        foreach (var a in absorb.Activities.Where(a => !keep.Activities.Any(k => k.Code == a.Code && k.StartDate == a.StartDate)).ToList())
        {
            var copy = new Activity
            {
                YoungPersonId = keep.Id, Code = a.Code, StartDate = a.StartDate, DateAscertained = a.DateAscertained, DateVerified = a.DateVerified,
                ReviewDate = a.ReviewDate, PredictedEndDate = a.PredictedEndDate, NeetStartDate = a.NeetStartDate, EstablishmentNumber = a.EstablishmentNumber,
                EstablishmentName = a.EstablishmentName, Ukprn = a.Ukprn, Source = $"Merged from record {absorb.LocalId}: {a.Source}",
                RecordedByUserId = a.RecordedByUserId, RecordedAt = a.RecordedAt,
            };
            keep.Activities.Add(copy);
            db.Activities.Add(copy);
            copied++;
        }

        var characteristics = 0;
        foreach (var c in absorb.Characteristics.Where(c => !keep.Characteristics.Any(k => k.Code == c.Code && k.StartDate == c.StartDate)).ToList())
        {
            var copy = new Characteristic { YoungPersonId = keep.Id, Code = c.Code, StartDate = c.StartDate, EndDate = c.EndDate };
            keep.Characteristics.Add(copy);
            db.Characteristics.Add(copy);
            characteristics++;
        }

        var moved = await db.FollowUpTasks.Where(t => t.YoungPersonId == absorb.Id && t.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.YoungPersonId, keep.Id), ct);

        db.CohortStatusChanges.Add(new CohortStatusChange
        {
            YoungPersonId = absorb.Id, From = absorb.CohortStatus, To = CohortStatus.M, Reason = $"Duplicate of record {keep.LocalId}: {reason}",
            EffectiveOn = today, ChangedByUserId = actor.UserId, RecordedAt = now,
        });
        absorb.CohortStatus = CohortStatus.M;
        absorb.CohortStatusChangedOn = today;
        absorb.CohortStatusReason = $"Duplicate of record {keep.LocalId}: {reason}";
        absorb.MergedIntoYoungPersonId = keep.Id;
        absorb.UpdatedAt = keep.UpdatedAt = now;
        CurrentActivity.Apply(keep, currency);

        var details = new { kept = keep.Id, absorbed = absorb.Id, reason, activitiesCopied = copied, characteristicsCopied = characteristics, tasksMoved = moved, filledIn = filled };
        audit.Add(actor, AuditActions.DuplicatesMerged, entityType: "YoungPerson", entityId: keep.Id.ToString(), youngPersonId: keep.Id, reason: reason, details: details);
        audit.Add(actor, AuditActions.DuplicatesMerged, entityType: "YoungPerson", entityId: absorb.Id.ToString(), youngPersonId: absorb.Id, reason: reason, details: details);
        await db.SaveChangesAsync(ct);
        return new MergeResult(keep.Id, absorb.Id, copied, characteristics, moved, filled);
    }

    private static string RequireLa(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role?.IsDataTeam() != true || actor.LaCode is null)
        {
            throw new InvalidOperationException("Only the LA's data team can find and merge duplicate records.");
        }

        return actor.LaCode;
    }
}
