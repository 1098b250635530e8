using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis.Returns;

public sealed class NccisImportOptions
{
    /// <summary>The LA whose records are loaded; the file's single SourceLEAs code when null.</summary>
    public string? LaCode { get; init; }

    /// <summary>Works out and reports everything, then rolls back: nothing is written.</summary>
    public bool DryRun { get; init; }

    /// <summary>The file's name, for the report, the audit trail and each imported activity's source.</summary>
    public string FileName { get; init; } = "return.xml";

    public long MaxBytes { get; init; } = NccisValidationOptions.DefaultMaxBytes;
}

/// <summary>A record that was not loaded, and why. <see cref="Line"/> is where the record starts in the file.</summary>
public sealed record NccisImportRejection(int Line, string? YoungPersonsId, string Field, string? Value, string Reason);

public sealed class NccisImportResult
{
    public required string FileName { get; init; }
    /// <summary>Null when the file was refused before it could be read whole.</summary>
    public string? FileSha256 { get; init; }
    public string? LaCode { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    public int Records { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public IReadOnlyList<NccisImportRejection> Rejected { get; init; } = [];

    /// <summary>Why the whole file was refused; nothing is written when there are any.</summary>
    public IReadOnlyList<NccisFileError> FileErrors { get; init; } = [];
    public bool DryRun { get; init; }

    /// <summary>When this exact file (by SHA-256) was imported before, if it was.</summary>
    public DateTime? PreviouslyImportedAt { get; init; }

    public bool Refused => FileErrors.Count > 0;

    public bool Committed => !Refused && !DryRun;
}

/// <summary>
/// Loads an NCCIS monthly return written by another CCIS product (or by Waypoint) into Waypoint, so an LA changing
/// supplier brings its cohort across: people, SEND, characteristics, the current activity, intended destination and
/// September Guarantee. The file is validated first; a file that cannot be read or has a broken header is refused
/// outright, and a record with a priority 1 error (which NCCIS itself would reject) is left out with its reason.
/// Everything else is written in one transaction: all or nothing. Loading the same file again changes nothing.
/// </summary>
/// <remarks>
/// Matching an existing record, in order: the same YoungPersonsID (when the file's database ID is ours), the file's ID
/// held as a previous ID, UPN, ULN, then the same folded names and date of birth when only one record has them.
/// A value the file leaves out never clears one Waypoint holds. Activities and characteristics are added, never
/// removed, so history already in Waypoint stays. The file carries no start dates for characteristics, so they start
/// at the period end; leavers' cohort status changes are dated the period end for the same reason.
/// </remarks>
public sealed class NccisImporter(WaypointDbContext db, AuditTrail audit, TimeProvider clock, CurrencyCalculator currency, CurrencyOptions currencyOptions, TrackingOptions options)
{
    private const int BatchSize = 500;

    // Fields rather than captured parameters so the nested run can reach them.
    private readonly WaypointDbContext db = db;
    private readonly AuditTrail audit = audit;
    private readonly TimeProvider clock = clock;
    private readonly CurrencyCalculator currency = currency;
    private readonly TrackingOptions options = options;

    public async Task<NccisImportResult> ImportAsync(Actor actor, Func<Stream> openFile, NccisImportOptions importOptions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(openFile);
        ArgumentNullException.ThrowIfNull(importOptions);

        NccisValidationReport report;
        await using (var file = openFile())
        {
            report = new NccisValidator(currencyOptions).Validate(file, new NccisValidationOptions { MaxBytes = importOptions.MaxBytes });
        }

        string? sha256 = null;
        if (!report.Refused)
        {
            await using var file = openFile();
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(new LimitedReadStream(file, importOptions.MaxBytes), ct));
        }

        var refusal = report.FileErrors.Where(e => e.Code >= NccisErrorCatalogue.MalformedXml && e.Code != NccisErrorCatalogue.RecordWithoutPersonalDetails).ToList();
        if (report.RecordErrorsTruncated)
        {
            refusal.Add(new(NccisErrorCatalogue.Unreadable, "The file has too many record errors to list them all; fix it in the system that wrote it and import it again."));
        }

        var header = refusal.Count == 0 ? await ReadHeaderAsync(openFile, importOptions.MaxBytes) : null;
        if (refusal.Count == 0 && header is null)
        {
            refusal.Add(new(NccisErrorCatalogue.HeaderInvalid, "The file has no FileHeader with a PeriodEnd."));
        }

        var laCode = importOptions.LaCode ?? (header?.SourceLeas.Count == 1 ? header.SourceLeas[0] : null);
        if (refusal.Count == 0 && laCode is null)
        {
            refusal.Add(new(NccisErrorCatalogue.HeaderInvalid, $"The file is for {header?.SourceLeas.Count ?? 0} LAs; say which LA's records to load."));
        }

        if (refusal.Count == 0 && !actor.IsSystem && (actor.Role?.IsLaWide() != true || actor.LaCode != laCode))
        {
            throw new InvalidOperationException($"Only staff of LA {laCode} with LA-wide access can import its NCCIS records.");
        }

        if (refusal.Count > 0)
        {
            return new NccisImportResult { FileName = importOptions.FileName, FileSha256 = sha256, LaCode = laCode, Records = report.RecordCount, FileErrors = refusal, DryRun = importOptions.DryRun };
        }

        var previously = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Action == AuditActions.NccisImported && a.EntityId == sha256)
            .OrderByDescending(a => a.OccurredAt).Select(a => (DateTime?)a.OccurredAt).FirstOrDefaultAsync(ct);

        // NCCIS rejects a record with a priority 1 error, so loading it would bring across what DfE would refuse.
        var rejectedIds = report.RecordErrors.Where(e => e.Priority == 1 && e.YoungPersonId is not null)
            .GroupBy(e => e.YoungPersonId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var run = new Run(this, actor, laCode!, header!.PeriodEnd, importOptions.FileName, rejectedIds);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using (var file = openFile())
        {
            await run.LoadAsync(file, importOptions.MaxBytes, ct);
        }

        if (!importOptions.DryRun)
        {
            audit.Add(actor, AuditActions.NccisImported, entityType: "NccisImport", entityId: sha256, details: new
            {
                file = importOptions.FileName,
                sha256,
                laCode,
                periodEnd = header.PeriodEnd,
                records = run.Records,
                created = run.Created,
                updated = run.Updated,
                unchanged = run.Unchanged,
                rejected = run.Rejected.Count,
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
        }

        db.ChangeTracker.Clear();
        return new NccisImportResult
        {
            FileName = importOptions.FileName,
            FileSha256 = sha256,
            LaCode = laCode,
            PeriodEnd = header.PeriodEnd,
            Records = run.Records,
            Created = run.Created,
            Updated = run.Updated,
            Unchanged = run.Unchanged,
            Rejected = run.Rejected,
            DryRun = importOptions.DryRun,
            PreviouslyImportedAt = previously,
        };
    }

    private sealed record Header(IReadOnlyList<string> DatabaseIds, IReadOnlyList<string> SourceLeas, DateOnly PeriodEnd);

    /// <summary>The header of a file the validator has already read to the end without refusing it.</summary>
    private static async Task<Header?> ReadHeaderAsync(Func<Stream> openFile, long maxBytes)
    {
        await using var file = openFile();
        using var text = NccisXml.OpenText(new LimitedReadStream(file, maxBytes));
        using var reader = XmlReader.Create(text, NccisXml.ReaderSettings(maxBytes));
        reader.MoveToContent();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "FileHeader")
            {
                var node = ElementNode.Read(reader);
                return NccisRecordChecks.TryDate(node.Value("PeriodEnd"), out var periodEnd)
                    ? new Header(
                        node.Child("Databases")?.All("DatabaseId").Select(d => d.Text!).ToList() ?? [],
                        node.Child("SourceLEAs")?.All("LEACode").Select(l => l.Text!).ToList() ?? [],
                        periodEnd)
                    : null;
            }

            reader.Read();
        }

        return null;
    }

    /// <summary>One record as the import uses it: the parsed values, where it starts, and the raw node for the rest.</summary>
    private sealed record Parsed(int Line, string Id, ElementNode Node, NccisReturnRecord Record, DateOnly Dob, Gender Gender, CohortStatus Status);

    private sealed class Run(NccisImporter importer, Actor actor, string laCode, DateOnly periodEnd, string fileName, IReadOnlyDictionary<string, NccisRecordError> rejectedIds)
    {
        private readonly WaypointDbContext db = importer.db;
        private readonly string databaseId = importer.options.NccisDatabaseId ?? laCode;
        private readonly int academicYear = AcademicAge.AcademicYearStart(periodEnd);
        private readonly DateTime now = importer.clock.GetUtcNow().UtcDateTime;
        private readonly HashSet<string> takenLocalIds = new(StringComparer.Ordinal);
        private long highestLocalId;

        public int Records { get; private set; }
        public int Created { get; private set; }
        public int Updated { get; private set; }
        public int Unchanged { get; private set; }
        public List<NccisImportRejection> Rejected { get; } = [];

        public async Task LoadAsync(Stream file, long maxBytes, CancellationToken ct)
        {
            foreach (var id in await db.YoungPeople.Where(p => p.LeadLaCode == laCode).Select(p => p.LocalId).ToListAsync(ct))
            {
                Take(id);
            }

            using var text = NccisXml.OpenText(new LimitedReadStream(file, maxBytes));
            using var reader = XmlReader.Create(text, NccisXml.ReaderSettings(maxBytes));
            reader.MoveToContent();
            reader.Read();
            var batch = new List<Parsed>(BatchSize);
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "YoungPersonsRecord")
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Depth > 0)
                    {
                        reader.Skip();
                    }
                    else
                    {
                        reader.Read();
                    }

                    continue;
                }

                var line = reader is IXmlLineInfo info ? info.LineNumber : 0;
                var node = ElementNode.Read(reader);
                Records++;
                if (Parse(node, line) is { } parsed)
                {
                    batch.Add(parsed);
                }

                if (batch.Count == BatchSize)
                {
                    await ApplyAsync(batch, ct);
                    batch.Clear();
                }
            }

            await ApplyAsync(batch, ct);
        }

        private Parsed? Parse(ElementNode node, int line)
        {
            var record = NccisReturnRecord.From(node);
            var id = record.YoungPersonsId;
            if (id is not { Length: 13 } || !id.All(char.IsAsciiDigit))
            {
                return Reject(line, id, "YoungPersonsID", id, "YoungPersonsID must be 13 digits: the 3-digit database ID then the 10-digit local ID.");
            }

            if (rejectedIds.TryGetValue(id, out var error))
            {
                return Reject(line, id, error.Field, null, $"NCCIS error {error.Code}: {error.Message}");
            }

            if (record.LeadLea != laCode)
            {
                return Reject(line, id, "LeadLEA", record.LeadLea, $"The record is led by LA {record.LeadLea}; this import loads LA {laCode}'s records.");
            }

            if (!Enum.TryParse<CohortStatus>(record.CohortStatus, ignoreCase: false, out var status) || !Enum.IsDefined(status))
            {
                return Reject(line, id, "CohortStatus", record.CohortStatus, "Cohort status must be one of P, G, A, T, E, M, D or L.");
            }

            if (!Enum.TryParse<Gender>(record.Gender, ignoreCase: false, out var gender) || !Enum.IsDefined(gender))
            {
                return Reject(line, id, "Gender", record.Gender, "Gender must be F, M, U or W.");
            }

            if (!NccisRecordChecks.TryDate(record.Dob, out var dob))
            {
                return Reject(line, id, "DOB", record.Dob, "Date of birth must be a date in the form YYYY-MM-DD.");
            }

            if (record.GivenName is null || record.FamilyName is null || record.Ethnicity is null)
            {
                var field = record.GivenName is null ? "GivenName" : record.FamilyName is null ? "FamilyName" : "Ethnicity";
                return Reject(line, id, field, null, $"{field} is missing.");
            }

            if (record.Activities.Count > 0 && !record.Activities.All(a => a.ActivityCode is not null && NccisRecordChecks.TryDate(a.StartDate, out _) && NccisRecordChecks.TryDate(a.DateAscertained, out _)))
            {
                return Reject(line, id, "Activities", null, "Every activity needs an activity code, a start date and a date ascertained.");
            }

            return new Parsed(line, id, node, record, dob, gender, status);
        }

        private Parsed? Reject(int line, string? id, string field, string? value, string reason)
        {
            Rejected.Add(new(line, id, field, value, reason));
            return null;
        }

        private async Task ApplyAsync(List<Parsed> batch, CancellationToken ct)
        {
            if (batch.Count == 0)
            {
                return;
            }

            var ids = batch.Select(b => b.Id).ToList();
            var ourLocals = batch.Where(b => b.Id[..3] == databaseId).Select(b => b.Id[3..]).ToList();
            var upns = batch.Select(b => b.Record.Upn).OfType<string>().ToList();
            var ulns = batch.Select(b => b.Record.Uln).OfType<string>().ToList();
            var names = batch.Select(b => NameSearch.Key(b.Record.GivenName!, b.Record.FamilyName!)).ToList();
            var candidates = await db.YoungPeople
                .Where(p => p.LeadLaCode == laCode)
                .Where(p => ourLocals.Contains(p.LocalId) || (p.PreviousYoungPersonsId != null && ids.Contains(p.PreviousYoungPersonsId))
                    || (p.Upn != null && upns.Contains(p.Upn)) || (p.Uln != null && ulns.Contains(p.Uln)) || names.Contains(p.SearchName))
                .Include(p => p.Activities)
                .Include(p => p.Characteristics)
                .Include(p => p.SeptemberGuarantee)
                .AsSplitQuery()
                .ToListAsync(ct);

            foreach (var item in batch)
            {
                var person = Match(item, candidates);
                var created = person is null;
                if (person is null)
                {
                    person = Create(item);
                    candidates.Add(person);
                }

                var changes = new List<FieldChange>();
                Apply(item, person, changes, created);
                if (created)
                {
                    Created++;
                    importer.audit.Add(actor, AuditActions.YoungPersonImported, entityType: "YoungPerson", entityId: person.Id.ToString(), youngPersonId: person.Id,
                        details: new { file = fileName, youngPersonsId = item.Id, created = true });
                }
                else if (changes.Count > 0)
                {
                    Updated++;
                    person.UpdatedAt = now;
                    importer.audit.Add(actor, AuditActions.YoungPersonImported, entityType: "YoungPerson", entityId: person.Id.ToString(), youngPersonId: person.Id,
                        details: new { file = fileName, youngPersonsId = item.Id, created = false, changes });
                }
                else
                {
                    Unchanged++;
                }
            }

            await db.SaveChangesAsync(ct);

            // The batch is written (inside the transaction); forgetting it keeps memory flat on a large file.
            db.ChangeTracker.Clear();
        }

        private YoungPerson? Match(Parsed item, List<YoungPerson> candidates)
        {
            var r = item.Record;
            var ours = item.Id[..3] == databaseId;
            var local = item.Id[3..];
            // The key once per record, not once per candidate (it normalises and folds both names).
            var name = NameSearch.Key(r.GivenName!, r.FamilyName!);
            var byName = candidates.Where(p => p.SearchName == name && p.DateOfBirth == item.Dob).Take(2).ToList();
            return (ours ? candidates.Find(p => p.LocalId == local) : null)
                ?? candidates.Find(p => p.PreviousYoungPersonsId == item.Id)
                ?? (r.Upn is null ? null : candidates.Find(p => p.Upn == r.Upn))
                ?? (r.Uln is null ? null : candidates.Find(p => p.Uln == r.Uln))
                ?? (byName.Count == 1 ? byName[0] : null);
        }

        private YoungPerson Create(Parsed item)
        {
            var r = item.Record;
            var local = item.Id[3..];

            // A file from another database keeps its local number where it is free; the old ID goes on as the previous ID
            // so DfE can still link the record to what the LA returned before.
            var localId = takenLocalIds.Contains(local) ? (highestLocalId + 1).ToString("D10", CultureInfo.InvariantCulture) : local;
            Take(localId);
            var person = new YoungPerson
            {
                LocalId = localId,
                GivenName = r.GivenName!,
                FamilyName = r.FamilyName!,
                EthnicityCode = r.Ethnicity!,
                LeadLaCode = laCode,
                DateOfBirth = item.Dob,
                Gender = item.Gender,
                CreatedAt = now,
                UpdatedAt = now,
                PreviousYoungPersonsId = item.Id[..3] == databaseId ? null : item.Id,
            };
            db.YoungPeople.Add(person);
            return person;
        }

        private void Take(string localId)
        {
            takenLocalIds.Add(localId);
            if (long.TryParse(localId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > highestLocalId)
            {
                highestLocalId = n;
            }
        }

        private void Apply(Parsed item, YoungPerson p, List<FieldChange> changes, bool created)
        {
            var r = item.Record;
            var details = item.Node.Child("PersonalDetails")!;
            Set(changes, "GivenName", p.GivenName, r.GivenName, v => p.GivenName = v!);
            Set(changes, "MiddleNames", p.MiddleNames, details.Value("MiddleName"), v => p.MiddleNames = v);
            Set(changes, "FamilyName", p.FamilyName, r.FamilyName, v => p.FamilyName = v!);
            if (r.HasAddress || r.Postcode is not null)
            {
                // An address is one unit: a file that gives one replaces the whole of the one held.
                var line3 = string.Join(", ", new[] { details.Value("AddressLine3"), details.Value("AddressLine4") }.OfType<string>());
                Replace(changes, "AddressLine1", p.AddressLine1, details.Value("AddressLine1"), v => p.AddressLine1 = v);
                Replace(changes, "AddressLine2", p.AddressLine2, details.Value("AddressLine2"), v => p.AddressLine2 = v);
                Replace(changes, "AddressLine3", p.AddressLine3, line3.Length == 0 ? null : line3, v => p.AddressLine3 = v);
                Replace(changes, "Town", p.Town, details.Value("Town"), v => p.Town = v);
                Replace(changes, "County", p.County, details.Value("County"), v => p.County = v);
                var postcode = r.Postcode is null ? null : Postcode.IsValid(r.Postcode) ? Postcode.Normalise(r.Postcode) : r.Postcode;
                Replace(changes, "Postcode", p.Postcode, postcode, v => p.Postcode = v);
                p.PostcodeDistrict = p.Postcode is not null && Postcode.IsValid(p.Postcode) ? Postcode.District(p.Postcode) : null;
            }

            Set(changes, "Gender", p.Gender.ToString(), item.Gender.ToString(), _ => p.Gender = item.Gender);
            Set(changes, "DateOfBirth", Date(p.DateOfBirth), Date(item.Dob), _ => p.DateOfBirth = item.Dob);
            Set(changes, "EthnicityCode", p.EthnicityCode, r.Ethnicity, v => p.EthnicityCode = v!);
            Set(changes, "EducatedLaCode", p.EducatedLaCode, r.EducatedLea, v => p.EducatedLaCode = v);
            Set(changes, "LaCodeAtYear11", p.LaCodeAtYear11, r.LeaCodeAtYear11, v => p.LaCodeAtYear11 = v);
            Set(changes, "Uln", p.Uln, r.Uln, v => p.Uln = v);
            Set(changes, "Upn", p.Upn, r.Upn, v => p.Upn = v);
            Set(changes, "PreviousYoungPersonsId", p.PreviousYoungPersonsId, r.PreviousYpid, v => p.PreviousYoungPersonsId = v);
            if (int.TryParse(r.LevelOfNeedCode, NumberStyles.None, CultureInfo.InvariantCulture, out var need))
            {
                Set(changes, "LevelOfNeed", p.LevelOfNeed.ToString(CultureInfo.InvariantCulture), r.LevelOfNeedCode, _ => p.LevelOfNeed = need);
            }

            if (r.SendFlag is "Y" or "N")
            {
                var ehc = r.SendFlag == "Y";
                Set(changes, "HasEhcPlan", YesNo(p.HasEhcPlan), r.SendFlag, _ => p.HasEhcPlan = ehc);
            }

            if (r.SenSupportFlag is "Y" or "N")
            {
                var support = r.SenSupportFlag == "Y" && !p.HasEhcPlan;
                Set(changes, "HasSenSupport", YesNo(p.HasSenSupport), YesNo(support), _ => p.HasSenSupport = support);
            }

            ApplyCohortStatus(item, p, changes, created);
            if (r.IntendedDestination is { } destination && destination != p.IntendedDestinationCode)
            {
                changes.Add(new("IntendedDestinationCode", p.IntendedDestinationCode, destination));
                p.IntendedDestinationCode = destination;
                p.IntendedDestinationRecordedOn = periodEnd;
            }

            ApplyGuarantee(p, 11, r.Year11, changes);
            ApplyGuarantee(p, 12, r.Year12, changes);
            foreach (var code in r.Characteristics.Distinct(StringComparer.Ordinal))
            {
                if (!p.Characteristics.Any(c => c.Code == code && c.StartDate <= periodEnd && (c.EndDate == null || c.EndDate >= periodEnd)))
                {
                    var characteristic = new Characteristic { YoungPersonId = p.Id, Code = code, StartDate = periodEnd };
                    p.Characteristics.Add(characteristic);
                    db.Characteristics.Add(characteristic);
                    changes.Add(new("Characteristic", null, code));
                }
            }

            var activitiesChanged = false;
            foreach (var cohort in item.Node.Child("Activities")?.All("Cohort") ?? [])
            {
                activitiesChanged |= ApplyActivity(p, cohort, changes);
            }

            if (activitiesChanged || created)
            {
                CurrentActivity.Apply(p, importer.currency);
            }

            p.SearchName = NameSearch.Key(p.GivenName, p.FamilyName);
        }

        private void ApplyCohortStatus(Parsed item, YoungPerson p, List<FieldChange> changes, bool created)
        {
            var transferredTo = item.Status is CohortStatus.T or CohortStatus.E ? item.Record.TransferredToLaCode : null;
            if (!created && p.CohortStatus == item.Status && (transferredTo is null || transferredTo == p.TransferredToLaCode))
            {
                return;
            }

            if (!created || item.Status is not (CohortStatus.P or CohortStatus.G))
            {
                var change = new CohortStatusChange
                {
                    YoungPersonId = p.Id,
                    From = p.CohortStatus,
                    To = item.Status,
                    Reason = $"NCCIS import from {fileName}",
                    EffectiveOn = periodEnd,
                    TransferredToLaCode = transferredTo,
                    ChangedByUserId = actor.UserId,
                    RecordedAt = now,
                };
                db.CohortStatusChanges.Add(change);
                p.CohortStatusChangedOn = periodEnd;
                p.CohortStatusReason = change.Reason;
            }

            if (!created)
            {
                changes.Add(new("CohortStatus", p.CohortStatus.ToString(), item.Status.ToString()));
            }

            p.CohortStatus = item.Status;
            p.TransferredToLaCode = transferredTo ?? p.TransferredToLaCode;
        }

        private void ApplyGuarantee(YoungPerson p, int yearGroup, GuaranteeEntry? entry, List<FieldChange> changes)
        {
            if (entry is not { GuaranteeStatus: { } status, LeaCode: { } la })
            {
                return;
            }

            var held = p.SeptemberGuarantee.Find(o => o.AcademicYear == academicYear && o.YearGroup == yearGroup);
            if (held is null)
            {
                held = new SeptemberGuaranteeOffer { YoungPersonId = p.Id, AcademicYear = academicYear, YearGroup = yearGroup, StatusCode = status, LaCode = la, RecordedOn = periodEnd, RecordedByUserId = actor.UserId };
                p.SeptemberGuarantee.Add(held);
                db.SeptemberGuaranteeOffers.Add(held);
                changes.Add(new($"SeptemberGuaranteeYear{yearGroup}", null, status));
            }
            else if (held.StatusCode != status || held.LaCode != la)
            {
                changes.Add(new($"SeptemberGuaranteeYear{yearGroup}", held.StatusCode, status));
                held.StatusCode = status;
                held.LaCode = la;
                held.RecordedOn = periodEnd;
                held.RecordedByUserId = actor.UserId;
            }
        }

        /// <summary>Adds the file's activity unless it is already held; fills in a held one's later verification or dates.</summary>
        private bool ApplyActivity(YoungPerson p, ElementNode cohort, List<FieldChange> changes)
        {
            var code = cohort.Value("ActivityCode")!;
            var start = ParseDate(cohort.Value("StartDate"))!.Value;
            var ascertained = ParseDate(cohort.Value("DateAscertained"))!.Value;
            var verified = ParseDate(cohort.Value("DateVerified"));
            var review = ParseDate(cohort.Value("ReviewDate"));
            var predictedEnd = ParseDate(cohort.Value("PredictedEndDate"));
            var neetStart = ParseDate(cohort.Value("NEETStartDate"));
            var establishment = cohort.Value("EstablishmentNumber");
            var establishmentName = cohort.Value("EstablishmentName");
            var ukprn = cohort.Value("UKProviderReferenceNumber");
            var held = p.Activities.Find(a => a.Code == code && a.StartDate == start);
            if (held is null)
            {
                var activity = new Activity
                {
                    YoungPersonId = p.Id, Code = code, StartDate = start, DateAscertained = ascertained, DateVerified = verified, ReviewDate = review,
                    PredictedEndDate = predictedEnd, NeetStartDate = neetStart, EstablishmentNumber = establishment, EstablishmentName = establishmentName,
                    Ukprn = ukprn, Source = $"NCCIS import from {fileName}", RecordedAt = now,
                };
                p.Activities.Add(activity);
                db.Activities.Add(activity);
                changes.Add(new("Activity", null, $"{code} from {Date(start)}"));
                return true;
            }

            var before = changes.Count;
            Set(changes, "Activity.DateAscertained", Date(held.DateAscertained), Date(ascertained), _ => held.DateAscertained = ascertained);
            Set(changes, "Activity.DateVerified", Date(held.DateVerified), Date(verified), _ => held.DateVerified = verified);
            Set(changes, "Activity.ReviewDate", Date(held.ReviewDate), Date(review), _ => held.ReviewDate = review);
            Set(changes, "Activity.PredictedEndDate", Date(held.PredictedEndDate), Date(predictedEnd), _ => held.PredictedEndDate = predictedEnd);
            Set(changes, "Activity.NeetStartDate", Date(held.NeetStartDate), Date(neetStart), _ => held.NeetStartDate = neetStart);
            Set(changes, "Activity.EstablishmentNumber", held.EstablishmentNumber, establishment, v => held.EstablishmentNumber = v);
            Set(changes, "Activity.EstablishmentName", held.EstablishmentName, establishmentName, v => held.EstablishmentName = v);
            Set(changes, "Activity.Ukprn", held.Ukprn, ukprn, v => held.Ukprn = v);
            return changes.Count > before;
        }

        /// <summary>Takes the file's value when it has one; a value the file leaves out is kept.</summary>
        private static void Set(List<FieldChange> changes, string field, string? held, string? incoming, Action<string?> set)
        {
            if (incoming is not null && !string.Equals(held, incoming, StringComparison.Ordinal))
            {
                changes.Add(new(field, held, incoming));
                set(incoming);
            }
        }

        /// <summary>Takes the file's value even when empty: for parts of a unit (an address) the file gives whole.</summary>
        private static void Replace(List<FieldChange> changes, string field, string? held, string? incoming, Action<string?> set)
        {
            if (!string.Equals(held, incoming, StringComparison.Ordinal))
            {
                changes.Add(new(field, held, incoming));
                set(incoming);
            }
        }

        private static DateOnly? ParseDate(string? value) => NccisRecordChecks.TryDate(value, out var date) ? date : null;

        private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string YesNo(bool value) => value ? "Y" : "N";
    }
}
