using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis.Reports;

/// <summary>What one Annual Activity Survey file held.</summary>
public sealed record AnnualActivitySurveyResult(int Rows, int WithoutActivity, DateOnly CohortFixedOn, DateOnly ReferenceDate);

/// <summary>
/// The Annual Activity Survey (nccis.md section 10): the Year 11 leavers cohort fixed by the end-of-May snapshot
/// (academic age 15, status P or G), each with their activity as at 1 November of the same year, as CSV. DfE's own
/// column layout is UNCONFIRMED, so the columns come from <see cref="NccisReportOptions.SurveyColumns"/>.
/// </summary>
public sealed class AnnualActivitySurvey(WaypointDbContext db, AuditTrail audit, TimeProvider clock, CurrencyCalculator currency, NccisReportOptions options, TrackingOptions tracking)
{
    private const int BatchSize = 1000;

    /// <summary>Every column the survey can hold; <see cref="NccisReportOptions.SurveyColumns"/> picks and orders them.</summary>
    public static readonly IReadOnlyList<string> ColumnNames =
    [
        "YoungPersonsID", "LocalID", "UniquePupilNumber", "UniqueLearnerNo", "GivenName", "FamilyName", "DOB", "Gender", "Ethnicity",
        "Postcode", "PostcodeDistrict", "LeadLEA", "CohortStatus", "SENDFlag", "SENSupportFlag", "Characteristics", "SchoolLAESTAB",
        "SchoolName", "GuaranteeStatusYear11", "ActivityCode", "ActivityDescription", "ActivityGroup", "StartDate", "DateVerified",
        "DueToLapseDate", "CurrencyLapsed", "EstablishmentNumber", "EstablishmentName", "UKProviderReferenceNumber", "NEETStartDate",
    ];

    public static readonly IReadOnlyList<string> DefaultColumns =
    [
        "YoungPersonsID", "UniquePupilNumber", "GivenName", "FamilyName", "DOB", "Gender", "Ethnicity", "Postcode", "SENDFlag",
        "SENSupportFlag", "SchoolLAESTAB", "ActivityCode", "StartDate", "CurrencyLapsed", "EstablishmentNumber", "UKProviderReferenceNumber",
    ];

    /// <summary>The cohort is fixed at the end of May of the survey year.</summary>
    public static DateOnly CohortDate(int year) => new(year, 5, 31);

    /// <summary>Activity is reported as at 1 November of the survey year.</summary>
    public static DateOnly ReferenceDate(int year) => new(year, 11, 1);

    public async Task<AnnualActivitySurveyResult> WriteAsync(Actor actor, string laCode, int year, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(output);
        if (!actor.IsSystem && (actor.Role?.IsLaWide() != true || actor.LaCode != laCode))
        {
            throw new InvalidOperationException($"Only staff of LA {laCode} with LA-wide access can produce its Annual Activity Survey.");
        }

        var cohortDate = CohortDate(year);
        var reference = ReferenceDate(year);
        if (DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) < reference)
        {
            throw new InvalidOperationException($"The {year} survey reports activity at {reference:d MMMM yyyy}, which has not come yet.");
        }

        var snapshot = await db.NccisSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.LaCode == laCode && s.PeriodEnd == cohortDate, ct)
            ?? throw new InvalidOperationException($"There is no snapshot for {cohortDate:yyyy-MM-dd}, which fixes the survey cohort. Take it first (waypoint nccis snapshot --la {laCode} --period-end {cohortDate:yyyy-MM-dd}).");
        var cohort = await db.NccisSnapshotRows.AsNoTracking()
            .Where(r => r.SnapshotId == snapshot.Id && r.AcademicAge == 15 && (r.CohortStatus == CohortStatus.P || r.CohortStatus == CohortStatus.G))
            .ToDictionaryAsync(r => r.YoungPersonId, ct);
        var schoolIds = cohort.Values.Select(r => r.SchoolId).OfType<Guid>().Distinct().ToList();
        var schools = await db.Organisations.AsNoTracking().Where(o => schoolIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

        var columns = options.SurveyColumns;
        await output.WriteAsync(Csv.Line(columns) + "\r\n");
        var ids = cohort.Keys.ToList();
        var people = new List<YoungPerson>(ids.Count);
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            people.AddRange(await db.YoungPeople.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Include(p => p.Activities.Where(a => a.StartDate <= reference))
                .AsSplitQuery()
                .ToListAsync(ct));
        }

        var rows = 0;
        var withoutActivity = 0;
        foreach (var person in people.OrderBy(p => p.LocalId, StringComparer.Ordinal))
        {
            var row = cohort[person.Id];
            var activity = CurrentActivity.Of(person.Activities);
            var verified = activity?.DateVerified <= reference ? activity.DateVerified : null;
            var due = activity is null ? null : currency.DueToLapseDate(activity.Code, activity.DateAscertained, verified, activity.ReviewDate, activity.PredictedEndDate);
            var school = row.SchoolId is { } id ? schools.GetValueOrDefault(id) : null;
            withoutActivity += activity is null ? 1 : 0;
            string? Value(string column) => column switch
            {
                "YoungPersonsID" => TransferService.YoungPersonsIdFor(tracking.NccisDatabaseId, person),
                "LocalID" => person.LocalId,
                "UniquePupilNumber" => person.Upn,
                "UniqueLearnerNo" => person.Uln,
                "GivenName" => person.GivenName,
                "FamilyName" => person.FamilyName,
                "DOB" => Csv.Date(person.DateOfBirth),
                "Gender" => row.Gender.ToString(),
                "Ethnicity" => row.EthnicityCode,
                "Postcode" => person.Postcode,
                "PostcodeDistrict" => row.PostcodeDistrict,
                "LeadLEA" => person.LeadLaCode,
                "CohortStatus" => row.CohortStatus.ToString(),
                "SENDFlag" => row.HasEhcPlan ? "Y" : "N",
                "SENSupportFlag" => row.HasSenSupport ? "Y" : "N",
                "Characteristics" => row.CharacteristicCodes.Replace(',', ' '),
                "SchoolLAESTAB" => school?.LaEstab,
                "SchoolName" => school?.Name,
                "GuaranteeStatusYear11" => row.GuaranteeYear11Code,
                "ActivityCode" => activity?.Code,
                "ActivityDescription" => activity is null ? null : ActivityCodes.Describe(activity.Code),
                "ActivityGroup" => activity is null ? null : ActivityCodes.Find(activity.Code)?.Group.ToString(),
                "StartDate" => Csv.Date(activity?.StartDate),
                "DateVerified" => Csv.Date(verified),
                "DueToLapseDate" => Csv.Date(due),
                "CurrencyLapsed" => activity is null ? null : CurrencyCalculator.IsLapsed(due, reference) ? "Y" : "N",
                "EstablishmentNumber" => activity?.EstablishmentNumber,
                "EstablishmentName" => activity?.EstablishmentName,
                "UKProviderReferenceNumber" => activity?.Ukprn,
                "NEETStartDate" => Csv.Date(activity?.NeetStartDate),
                _ => throw new InvalidOperationException($"Unknown survey column {column}."),
            };

            await output.WriteAsync(Csv.Line(columns.Select(Value)) + "\r\n");
            rows++;
        }

        await output.FlushAsync(ct);
        audit.Add(actor, AuditActions.NccisSurveyExported, entityType: nameof(NccisSnapshot), entityId: snapshot.Id.ToString(), details: new
        {
            laCode,
            year,
            cohortFixedOn = Csv.Date(cohortDate),
            referenceDate = Csv.Date(reference),
            rows,
            withoutActivity,
            columns,
        });
        await db.SaveChangesAsync(ct);
        return new AnnualActivitySurveyResult(rows, withoutActivity, cohortDate, reference);
    }
}
