using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis.Returns;

/// <summary>What one export wrote. <see cref="WithoutActivity"/> records have no activity on or before the period end.</summary>
public sealed record NccisExportResult(
    Guid SubmissionId,
    int RecordCount,
    IReadOnlyDictionary<string, int> ByCohortStatus,
    int WithoutActivity,
    long FileBytes,
    string FileSha256);

/// <summary>
/// Writes the monthly NCCIS XML return (shared/reference/nccis.md sections 2, 6, 7 and 11) for one LA and period end,
/// streaming people from the database in batches so a large LA never sits in memory, and records the submission.
/// </summary>
public sealed class NccisExporter(WaypointDbContext db, AuditTrail audit, TimeProvider clock, CurrencyCalculator currency, TrackingOptions options)
{
    public const string SupplierName = "Waypoint";

    /// <summary>The schema identifier of the XSD the element order follows (nccis.md 11); the official value for later editions is unconfirmed.</summary>
    public const string SchemaVersion = "NCCIS2015";

    private const int FlushEvery = 500;

    public async Task<NccisExportResult> ExportAsync(Actor actor, string laCode, DateOnly periodEnd, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(output);
        if (!LaCodes.IsEnglishLa(laCode))
        {
            throw new ArgumentException($"'{laCode}' is not an English LA code.", nameof(laCode));
        }

        // The return holds every young person the LA leads on, so only the LA's own LA-wide staff (or the system) may write it.
        if (!actor.IsSystem && (actor.Role?.IsLaWide() != true || actor.LaCode != laCode))
        {
            throw new InvalidOperationException($"Only staff of LA {laCode} with LA-wide access can export its NCCIS return.");
        }

        var databaseId = options.NccisDatabaseId ?? laCode;
        var byStatus = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var withoutActivity = 0;
        var records = 0;
        string hash;
        long bytes;
        // Every read of the return in one snapshot: the activities, characteristics and offers are read before the people
        // are streamed, and a record changed in between must not appear with its old activity and new details.
        await using (await ReadSnapshot.BeginAsync(db, ct))
        await using (var hashing = new HashingStream(output))
        {
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false, Indent = false };
            using (var xml = XmlWriter.Create(hashing, settings))
            {
                xml.WriteStartDocument();
                xml.WriteStartElement("NCCIS");
                WriteHeader(xml, databaseId, laCode, periodEnd);
                var related = await RelatedAsync(laCode, periodEnd, ct);
                await foreach (var person in PeopleAsync(laCode, periodEnd).WithCancellation(ct))
                {
                    // The status as it stood at the period end: a record that changed status since may belong in this
                    // month's return under its old status, or not at all.
                    var (then, changedOn, transferredTo) = CohortStatusHistory.At(person.CohortStatus, person.CohortStatusChangedOn, person.TransferredToLaCode,
                        related.StatusChanges.GetValueOrDefault(person.Id) ?? [], periodEnd);
                    if (!CohortStatusHistory.InReturn(then, changedOn, periodEnd))
                    {
                        continue;
                    }

                    (person.CohortStatus, person.TransferredToLaCode) = (then, transferredTo);
                    related.Attach(person);
                    var hasActivity = WriteRecord(xml, person, databaseId, periodEnd);
                    records++;
                    withoutActivity += hasActivity ? 0 : 1;
                    var status = person.CohortStatus.ToString();
                    byStatus[status] = byStatus.GetValueOrDefault(status) + 1;

                    // Flushing as it goes keeps the writer's buffer, not the whole file, in memory.
                    if (records % FlushEvery == 0)
                    {
                        xml.Flush();
                    }
                }

                xml.WriteEndElement();
                xml.WriteEndDocument();
            }

            await hashing.FlushAsync(ct);
            (hash, bytes) = hashing.Finish();
        }

        var submission = new NccisSubmission
        {
            LaCode = laCode,
            PeriodEnd = periodEnd,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = actor.UserId,
            RecordCount = records,
            FileSha256 = hash,
            FileBytes = bytes,
        };
        db.NccisSubmissions.Add(submission);
        audit.Add(actor, AuditActions.NccisExported, entityType: nameof(NccisSubmission), entityId: submission.Id.ToString(), details: new
        {
            submissionId = submission.Id,
            laCode,
            periodEnd = Date(periodEnd),
            records,
            byCohortStatus = byStatus,
            withoutActivity,
            bytes,
            sha256 = hash,
        });
        await db.SaveChangesAsync(ct);
        return new NccisExportResult(submission.Id, records, byStatus, withoutActivity, bytes, hash);
    }

    /// <summary>
    /// The cohort of nccis.md section 6 as at the period end: Year 11, academic age 16-17, and 18-24 with an EHC plan;
    /// lead LA only; P and G, plus leavers in the month their status changed.
    /// </summary>
    public IQueryable<YoungPerson> Cohort(string laCode, DateOnly periodEnd)
    {
        var (_, youngestBorn) = AcademicAge.DateOfBirthRange(11, periodEnd);
        var (oldestWithoutPlan, _) = AcademicAge.DateOfBirthRange(13, periodEnd);
        var (oldestBorn, _) = AcademicAge.DateOfBirthRange(20, periodEnd);
        var monthStart = new DateOnly(periodEnd.Year, periodEnd.Month, 1);
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        return db.YoungPeople
            .Where(p => p.LeadLaCode == laCode)
            .Where(p => p.DateOfBirth >= oldestBorn && p.DateOfBirth <= youngestBorn && (p.DateOfBirth >= oldestWithoutPlan || p.HasEhcPlan))
            .Where(p => p.CohortStatus == CohortStatus.P || p.CohortStatus == CohortStatus.G || p.CohortStatusChangedOn > periodEnd
                || (p.CohortStatusChangedOn >= monthStart && p.CohortStatusChangedOn <= monthEnd
                    && (p.CohortStatus == CohortStatus.A || p.CohortStatus == CohortStatus.L || p.CohortStatus == CohortStatus.T
                        || p.CohortStatus == CohortStatus.E || p.CohortStatus == CohortStatus.M || p.CohortStatus == CohortStatus.D)));
    }

    /// <summary>
    /// The people of the cohort, streamed in YoungPersonsID order (the LA's local IDs are fixed-width and unique), so the
    /// file's order depends on the records alone and an LA that re-imports its own return writes the same file again.
    /// Only the columns the return writes are read: the objects are partial and untracked, for WriteRecord alone, and a
    /// field it starts to write must be added here.
    /// </summary>
    private IAsyncEnumerable<YoungPerson> PeopleAsync(string laCode, DateOnly periodEnd) =>
        Cohort(laCode, periodEnd).AsNoTracking().OrderBy(p => p.LocalId).Select(p => new YoungPerson
        {
            Id = p.Id,
            LocalId = p.LocalId,
            CohortStatus = p.CohortStatus,
            CohortStatusChangedOn = p.CohortStatusChangedOn,
            GivenName = p.GivenName,
            MiddleNames = p.MiddleNames,
            FamilyName = p.FamilyName,
            AddressLine1 = p.AddressLine1,
            AddressLine2 = p.AddressLine2,
            AddressLine3 = p.AddressLine3,
            Town = p.Town,
            County = p.County,
            Postcode = p.Postcode,
            Gender = p.Gender,
            DateOfBirth = p.DateOfBirth,
            EthnicityCode = p.EthnicityCode,
            LeadLaCode = p.LeadLaCode,
            EducatedLaCode = p.EducatedLaCode,
            TransferredToLaCode = p.TransferredToLaCode,
            LaCodeAtYear11 = p.LaCodeAtYear11,
            Uln = p.Uln,
            Upn = p.Upn,
            PreviousYoungPersonsId = p.PreviousYoungPersonsId,
            LevelOfNeed = p.LevelOfNeed,
            HasEhcPlan = p.HasEhcPlan,
            HasSenSupport = p.HasSenSupport,
            IntendedDestinationCode = p.IntendedDestinationCode,
        }).AsAsyncEnumerable();

    /// <summary>
    /// Everything a record needs besides the person, for the whole cohort, read before the people are streamed: one
    /// query each, so the export is a handful of queries whatever the LA's size. Only what the file carries is kept: the
    /// activity current at the period end (the latest started by then), characteristics held at it, the academic
    /// year's September Guarantee offers, and the status history of records whose status changed after it.
    /// </summary>
    private async Task<Related> RelatedAsync(string laCode, DateOnly periodEnd, CancellationToken ct)
    {
        var academicYear = AcademicAge.AcademicYearStart(periodEnd);
        var cohort = Cohort(laCode, periodEnd).Select(p => p.Id);

        // Streamed straight into the lookups, with the few distinct codes and establishment names shared rather than
        // held once a row: for a large LA these lookups are most of what the export keeps in memory.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Share(string? value) => value is null ? null : shared.TryGetValue(value, out var held) ? held : shared[value] = value;
        var related = new Related([], [], [], []);
        void Keep(Activity a)
        {
            a.Code = Share(a.Code)!;
            a.EstablishmentNumber = Share(a.EstablishmentNumber);
            a.EstablishmentName = Share(a.EstablishmentName);
            a.Ukprn = Share(a.Ukprn);
            a.Source = "";
            related.Activities.TryAdd(a.YoungPersonId, a);
        }

        // The activity that stood at the period end is the latest started by then. Where the person's current activity
        // (kept on the record, CurrentActivity.Apply) started by the period end it is that one, read by its ID; only the
        // people with a later start search their history, so older activities (a Year 11 record, say) cost nothing.
        var currentByPeriodEnd = Cohort(laCode, periodEnd).Where(p => p.CurrentActivityStart <= periodEnd).Select(p => p.CurrentActivityId);
        await foreach (var a in db.Activities.AsNoTracking().Where(a => currentByPeriodEnd.Contains(a.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            Keep(a);
        }

        var searched = Cohort(laCode, periodEnd).Where(p => p.CurrentActivityStart == null || p.CurrentActivityStart > periodEnd).Select(p => p.Id);
        await foreach (var a in db.Activities.AsNoTracking()
            .Where(a => searched.Contains(a.YoungPersonId) && a.StartDate <= periodEnd)
            .Where(a => !db.Activities.Any(later => later.YoungPersonId == a.YoungPersonId && later.StartDate <= periodEnd
                && (later.StartDate > a.StartDate || (later.StartDate == a.StartDate && later.RecordedAt > a.RecordedAt))))
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            Keep(a);
        }

        await foreach (var c in db.Characteristics.AsNoTracking()
            .Where(c => cohort.Contains(c.YoungPersonId) && c.StartDate <= periodEnd && (c.EndDate == null || c.EndDate >= periodEnd))
            .Select(c => new { c.YoungPersonId, c.Code })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            (related.Characteristics.TryGetValue(c.YoungPersonId, out var codes) ? codes : related.Characteristics[c.YoungPersonId] = []).Add(Share(c.Code)!);
        }

        await foreach (var o in db.SeptemberGuaranteeOffers.AsNoTracking()
            .Where(o => cohort.Contains(o.YoungPersonId) && o.AcademicYear == academicYear)
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            (o.StatusCode, o.LaCode, o.ProviderName) = (Share(o.StatusCode)!, Share(o.LaCode)!, null);
            (related.Offers.TryGetValue(o.YoungPersonId, out var offers) ? offers : related.Offers[o.YoungPersonId] = []).Add(o);
        }

        await foreach (var change in db.CohortStatusChanges.AsNoTracking()
            .Where(c => db.YoungPeople.Any(p => p.Id == c.YoungPersonId && p.LeadLaCode == laCode && p.CohortStatusChangedOn > periodEnd))
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            (related.StatusChanges.TryGetValue(change.YoungPersonId, out var history) ? history : related.StatusChanges[change.YoungPersonId] = []).Add(change);
        }

        return related;
    }

    private sealed record Related(
        Dictionary<Guid, Activity> Activities,
        Dictionary<Guid, List<string>> Characteristics,
        Dictionary<Guid, List<SeptemberGuaranteeOffer>> Offers,
        Dictionary<Guid, List<CohortStatusChange>> StatusChanges)
    {
        public void Attach(YoungPerson person)
        {
            if (Activities.TryGetValue(person.Id, out var activity))
            {
                person.Activities.Add(activity);
            }

            foreach (var code in Characteristics.GetValueOrDefault(person.Id) ?? [])
            {
                person.Characteristics.Add(new Characteristic { YoungPersonId = person.Id, Code = code });
            }

            person.SeptemberGuarantee.AddRange(Offers.GetValueOrDefault(person.Id) ?? []);
        }
    }

    private void WriteHeader(XmlWriter xml, string databaseId, string laCode, DateOnly periodEnd)
    {
        xml.WriteStartElement("FileHeader");
        xml.WriteStartElement("Databases");
        xml.WriteElementString("DatabaseId", databaseId);
        xml.WriteEndElement();
        xml.WriteStartElement("SourceLEAs");
        xml.WriteElementString("LEACode", laCode);
        xml.WriteEndElement();
        xml.WriteElementString("DateOfSend", Date(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        xml.WriteElementString("PeriodEnd", Date(periodEnd));
        xml.WriteElementString("SupplierName", SupplierName);
        xml.WriteElementString("SupplierXMLVersion", typeof(NccisExporter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
        xml.WriteElementString("XMLSchemaVersion", SchemaVersion);
        xml.WriteEndElement();
    }

    /// <summary>Writes one YoungPersonsRecord in the order of nccis.md section 11. False when there was no activity to write.</summary>
    private bool WriteRecord(XmlWriter xml, YoungPerson p, string databaseId, DateOnly periodEnd)
    {
        xml.WriteStartElement("YoungPersonsRecord");

        xml.WriteStartElement("PersonalDetails");
        xml.WriteElementString("YoungPersonsID", TransferService.YoungPersonsIdFor(databaseId, p));
        xml.WriteElementString("CohortStatus", p.CohortStatus.ToString());
        xml.WriteElementString("GivenName", p.GivenName);
        Optional(xml, "MiddleName", p.MiddleNames);
        xml.WriteElementString("FamilyName", p.FamilyName);
        Optional(xml, "AddressLine1", p.AddressLine1);
        Optional(xml, "AddressLine2", p.AddressLine2);
        Optional(xml, "AddressLine3", p.AddressLine3);
        Optional(xml, "Town", p.Town);
        Optional(xml, "County", p.County);
        Optional(xml, "Postcode", p.Postcode);
        xml.WriteElementString("Gender", p.Gender.ToString());
        xml.WriteElementString("DOB", Date(p.DateOfBirth));
        xml.WriteElementString("Ethnicity", p.EthnicityCode);
        xml.WriteElementString("LeadLEA", p.LeadLaCode);
        // Mandatory in the schema; where the educating LA was never recorded the return says 004, unknown area (2.8).
        xml.WriteElementString("EducatedLEA", string.IsNullOrWhiteSpace(p.EducatedLaCode) ? "004" : p.EducatedLaCode);

        // Only T and E carry a destination LA (errors 13, 34, 35); a code left over from an earlier status is not returned.
        Optional(xml, "TransferredToLACode", p.CohortStatus is CohortStatus.T or CohortStatus.E ? p.TransferredToLaCode : null);
        Optional(xml, "LEACodeAtYear11", p.LaCodeAtYear11);
        Optional(xml, "UniqueLearnerNo", p.Uln);
        Optional(xml, "UniquePupilNumber", p.Upn);
        var year11 = p.SeptemberGuarantee.Where(o => o.YearGroup == 11).MaxBy(o => o.RecordedOn);
        var year12 = p.SeptemberGuarantee.Where(o => o.YearGroup == 12).MaxBy(o => o.RecordedOn);

        // Y says the SeptemberGuarantee node below is complete (error 906 checks it); left out when there is none.
        Optional(xml, "GuaranteeStatusIndicator", year11 is not null || year12 is not null ? "Y" : null);
        Optional(xml, "PreviousYPIDIdentifier", p.PreviousYoungPersonsId);
        xml.WriteEndElement();

        if (year11 is not null || year12 is not null)
        {
            xml.WriteStartElement("SeptemberGuarantee");
            foreach (var (offer, name) in new[] { (year11, "Year11"), (year12, "Year12") })
            {
                if (offer is not null)
                {
                    xml.WriteStartElement(name);
                    xml.WriteElementString("GuaranteeStatus", offer.StatusCode);
                    xml.WriteElementString("LEACode", offer.LaCode);
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("LevelOfNeed");
        xml.WriteElementString("LevelOfNeedCode", p.LevelOfNeed.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("SENDFlag", YesNo(p.HasEhcPlan));
        xml.WriteElementString("SENSupportFlag", YesNo(p.HasSenSupport && !p.HasEhcPlan));
        var characteristics = p.Characteristics.Select(c => c.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (characteristics.Count > 0)
        {
            xml.WriteStartElement("Characteristics");
            foreach (var code in characteristics)
            {
                xml.WriteElementString("CharacteristicCode", code);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        // The activity current at the period end, not today's: later activities were filtered out by the query.
        var activity = CurrentActivity.Of(p.Activities);
        if (activity is not null)
        {
            WriteActivity(xml, activity, periodEnd);
        }

        if (p.IntendedDestinationCode is not null)
        {
            xml.WriteStartElement("IntendedDestination");
            xml.WriteElementString("IntendedDestinationYr11", p.IntendedDestinationCode);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        return activity is not null;
    }

    private void WriteActivity(XmlWriter xml, Activity a, DateOnly periodEnd)
    {
        // A verification after the period end had not happened at the period end (error 305), so currency is worked
        // out from what was known then rather than taken from the stored due-to-lapse date.
        var verified = a.DateVerified <= periodEnd ? a.DateVerified : null;
        var due = currency.DueToLapseDate(a.Code, a.DateAscertained, verified, a.ReviewDate, a.PredictedEndDate);
        xml.WriteStartElement("Activities");
        xml.WriteStartElement("Cohort");
        xml.WriteElementString("ActivityCode", a.Code);
        xml.WriteElementString("StartDate", Date(a.StartDate));
        xml.WriteElementString("DateAscertained", Date(a.DateAscertained));
        Optional(xml, "DateVerified", verified);
        Optional(xml, "ReviewDate", a.ReviewDate);
        Optional(xml, "DueToLapseDate", due);
        xml.WriteElementString("CurrencyLapsed", YesNo(CurrencyCalculator.IsLapsed(due, periodEnd)));
        Optional(xml, "EstablishmentNumber", a.EstablishmentNumber);
        Optional(xml, "EstablishmentName", a.EstablishmentName);
        Optional(xml, "UKProviderReferenceNumber", a.Ukprn);
        Optional(xml, "NEETStartDate", a.NeetStartDate);
        Optional(xml, "PredictedEndDate", a.PredictedEndDate);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            xml.WriteElementString(name, value);
        }
    }

    private static void Optional(XmlWriter xml, string name, DateOnly? value)
    {
        if (value is { } date)
        {
            xml.WriteElementString(name, Date(date));
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "Y" : "N";

    /// <summary>Passes writes through to the output while hashing and counting them, so the file never has to be read back.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => written; set => throw new NotSupportedException(); }

        public (string Hash, long Bytes) Finish() => (Convert.ToHexStringLower(sha256.GetHashAndReset()), written);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            sha256.AppendData(buffer);
            written += buffer.Length;
            inner.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            sha256.AppendData(buffer.Span);
            written += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                sha256.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
