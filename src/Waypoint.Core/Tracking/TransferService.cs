using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Nccis;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tracking;

public sealed record TransferActivity(string Code, DateOnly StartDate, DateOnly DateAscertained, DateOnly? DateVerified, DateOnly? ReviewDate,
    DateOnly? PredictedEndDate, DateOnly? NeetStartDate, string? EstablishmentNumber, string? EstablishmentName, string? Ukprn, string Source);

public sealed record TransferCharacteristic(string Code, DateOnly StartDate, DateOnly? EndDate);

/// <summary>
/// What a losing LA sends a receiving LA when a young person moves (status T): enough to carry on tracking without
/// asking the young person again. Serialised as JSON; <see cref="TransferService.ImportAsync"/> reads it.
/// </summary>
public sealed record TransferSummary(
    int FormatVersion,
    string FromLaCode,
    string YoungPersonsId,
    DateOnly PreparedOn,
    string GivenName,
    string? MiddleNames,
    string FamilyName,
    string? PreferredGivenName,
    DateOnly DateOfBirth,
    string Gender,
    string EthnicityCode,
    string? AddressLine1,
    string? Town,
    string? Postcode,
    string? Email,
    string? Phone,
    string? Upn,
    string? Uln,
    string? LaCodeAtYear11,
    int LevelOfNeed,
    bool HasEhcPlan,
    bool HasSenSupport,
    string? IntendedDestinationCode,
    IReadOnlyList<TransferCharacteristic> Characteristics,
    IReadOnlyList<TransferActivity> Activities);

public sealed record TransferInResult(Guid YoungPersonId, bool Matched);

public class TransferService(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit, TimeProvider clock, CurrencyCalculator currency, TrackingOptions options)
{
    /// <summary>NCCIS YoungPersonsID: the 3-digit database ID then the local ID zero-padded to 10 digits.</summary>
    public string YoungPersonsId(YoungPerson person) => YoungPersonsIdFor(options.NccisDatabaseId, person);

    /// <summary>The same rule for callers without a <see cref="TransferService"/>, such as the monthly return.</summary>
    public static string YoungPersonsIdFor(string? nccisDatabaseId, YoungPerson person) =>
        YoungPersonsIdFor(nccisDatabaseId, person.LeadLaCode, person.LocalId);

    public static string YoungPersonsIdFor(string? nccisDatabaseId, string leadLaCode, string localId) =>
        (nccisDatabaseId ?? leadLaCode) + localId.PadLeft(10, '0');

    public async Task<TransferSummary?> ExportAsync(Actor actor, Guid youngPersonId, CancellationToken cancellationToken = default)
    {
        var opened = await access.OpenAsync(actor, youngPersonId, "transfer summary",
            q => q.Include(p => p.Activities).Include(p => p.Characteristics).AsSplitQuery(), cancellationToken);
        if (opened.Outcome != AccessOutcome.Allowed || actor.Role?.IsLaWide() != true)
        {
            return null;
        }

        var p = opened.Value!;
        await audit.RecordAsync(actor, AuditActions.TransferSummaryExported, entityType: "YoungPerson", entityId: p.Id.ToString(), youngPersonId: p.Id, cancellationToken: cancellationToken);
        return new TransferSummary(1, p.LeadLaCode, YoungPersonsId(p), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            p.GivenName, p.MiddleNames, p.FamilyName, p.PreferredGivenName, p.DateOfBirth, p.Gender.ToString(), p.EthnicityCode,
            p.AddressLine1, p.Town, p.Postcode, p.Email, p.Phone, p.Upn, p.Uln, p.LaCodeAtYear11, p.LevelOfNeed, p.HasEhcPlan, p.HasSenSupport,
            p.IntendedDestinationCode,
            p.Characteristics.OrderBy(c => c.StartDate).Select(c => new TransferCharacteristic(c.Code, c.StartDate, c.EndDate)).ToList(),
            p.Activities.OrderBy(a => a.StartDate).Select(a => new TransferActivity(a.Code, a.StartDate, a.DateAscertained, a.DateVerified, a.ReviewDate,
                a.PredictedEndDate, a.NeetStartDate, a.EstablishmentNumber, a.EstablishmentName, a.Ukprn, a.Source)).ToList());
    }

    /// <summary>
    /// Takes in a young person who has moved into the actor's LA. Matches an existing record by UPN, ULN, or the same
    /// names and date of birth; otherwise creates one. Either way the sending LA's ID is kept as the previous ID, and
    /// activities not already held are added.
    /// </summary>
    public async Task<TransferInResult> ImportAsync(Actor actor, TransferSummary summary, CancellationToken cancellationToken = default)
    {
        if (actor.Role?.IsLaWide() != true || actor.LaCode is null)
        {
            throw new InvalidOperationException("Only local authority staff can take in a transfer.");
        }

        if (summary.FromLaCode == actor.LaCode)
        {
            throw new RuleViolationException([new RuleViolation("File", "This transfer summary came from your own local authority", 42)]);
        }

        if (!Enum.TryParse<Gender>(summary.Gender, out var gender))
        {
            throw new RuleViolationException([new RuleViolation("File", $"The transfer summary's gender '{summary.Gender}' is not F, M, U or W", 5)]);
        }

        var laCode = actor.LaCode;
        var folded = NameSearch.Key(summary.GivenName, summary.FamilyName);
        var person = await db.YoungPeople.Include(p => p.Activities).Include(p => p.Characteristics).AsSplitQuery()
            .Where(p => p.LeadLaCode == laCode)
            .Where(p => (summary.Upn != null && p.Upn == summary.Upn) || (summary.Uln != null && p.Uln == summary.Uln)
                || (p.SearchName == folded && p.DateOfBirth == summary.DateOfBirth))
            .FirstOrDefaultAsync(cancellationToken);
        var matched = person is not null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (person is null)
        {
            var nextLocalId = (await db.YoungPeople.Where(p => p.LeadLaCode == laCode).Select(p => p.LocalId).ToListAsync(cancellationToken))
                .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
            person = new YoungPerson
            {
                LocalId = nextLocalId.ToString("D10", CultureInfo.InvariantCulture),
                GivenName = summary.GivenName,
                FamilyName = summary.FamilyName,
                EthnicityCode = summary.EthnicityCode,
                LeadLaCode = laCode,
                CreatedAt = now,
            };
            db.YoungPeople.Add(person);
        }

        person.MiddleNames ??= summary.MiddleNames;
        person.PreferredGivenName ??= summary.PreferredGivenName;
        person.DateOfBirth = summary.DateOfBirth;
        person.Gender = gender;
        person.AddressLine1 = summary.AddressLine1 ?? person.AddressLine1;
        person.Town = summary.Town ?? person.Town;
        person.Postcode = summary.Postcode is null ? person.Postcode : Postcode.Normalise(summary.Postcode);
        person.PostcodeDistrict = person.Postcode is null ? null : Postcode.District(person.Postcode);
        person.Email ??= summary.Email;
        person.Phone ??= summary.Phone;
        person.Upn ??= summary.Upn;
        person.Uln ??= summary.Uln;
        person.LaCodeAtYear11 ??= summary.LaCodeAtYear11;
        person.LevelOfNeed = summary.LevelOfNeed;
        person.HasEhcPlan = summary.HasEhcPlan;
        person.HasSenSupport = summary.HasSenSupport && !summary.HasEhcPlan;
        person.IntendedDestinationCode ??= summary.IntendedDestinationCode;
        person.PreviousYoungPersonsId = summary.YoungPersonsId;
        person.CohortStatus = CohortStatus.P;
        person.SearchName = NameSearch.Key(person.GivenName, person.FamilyName);
        person.UpdatedAt = now;
        foreach (var c in summary.Characteristics.Where(c => !person.Characteristics.Any(h => h.Code == c.Code && h.StartDate == c.StartDate)))
        {
            var characteristic = new Characteristic { YoungPersonId = person.Id, Code = c.Code, StartDate = c.StartDate, EndDate = c.EndDate };
            person.Characteristics.Add(characteristic);
            db.Characteristics.Add(characteristic);
        }

        foreach (var a in summary.Activities.Where(a => !person.Activities.Any(h => h.Code == a.Code && h.StartDate == a.StartDate)))
        {
            var activity = new Activity
            {
                YoungPersonId = person.Id, Code = a.Code, StartDate = a.StartDate, DateAscertained = a.DateAscertained, DateVerified = a.DateVerified,
                ReviewDate = a.ReviewDate, PredictedEndDate = a.PredictedEndDate, NeetStartDate = a.NeetStartDate, EstablishmentNumber = a.EstablishmentNumber,
                EstablishmentName = a.EstablishmentName, Ukprn = a.Ukprn, Source = $"Transfer from LA {summary.FromLaCode}: {a.Source}",
                RecordedByUserId = actor.UserId, RecordedAt = now,
            };
            person.Activities.Add(activity);
            db.Activities.Add(activity);
        }

        CurrentActivity.Apply(person, currency);
        audit.Add(actor, AuditActions.TransferredIn, entityType: "YoungPerson", entityId: person.Id.ToString(), youngPersonId: person.Id,
            details: new { from = summary.FromLaCode, previousId = summary.YoungPersonsId, matched });
        await db.SaveChangesAsync(cancellationToken);
        return new TransferInResult(person.Id, matched);
    }
}
