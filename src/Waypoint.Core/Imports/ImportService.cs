using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Matching;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tasks;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Imports;

public enum ImportRowAction
{
    Create,
    Update,
    Unchanged,
    Review,
}

/// <summary>
/// What happens (preview) or happened (commit) to one row. <see cref="YoungPersonId"/> is the matched or new record.
/// <see cref="Changes"/> are listed in a preview; a commit keeps them in the import's change log and audit trail instead.
/// </summary>
public sealed record ImportRowOutcome(int Row, ImportRowAction Action, Guid? YoungPersonId, string Name, double? Score, string? Reason, IReadOnlyList<FieldChange> Changes);

public sealed class ImportOutcome
{
    public required ImportKind Kind { get; init; }
    public required string FileName { get; init; }
    public string? FileSha256 { get; init; }
    public string? LaCode { get; init; }

    /// <summary>Why the whole file was refused; nothing was written.</summary>
    public string? FileError { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public IReadOnlyList<ImportRowError> Rejected { get; init; } = [];
    public IReadOnlyList<ImportRowOutcome> Rows { get; init; } = [];
    public int RowsRead { get; init; }
    public bool Committed { get; init; }
    public Guid? ImportId { get; init; }

    /// <summary>When this exact file (by SHA-256) was last committed, if it was and has not been reverted.</summary>
    public DateTime? PreviouslyImportedAt { get; init; }

    public int Created => Rows.Count(r => r.Action == ImportRowAction.Create);
    public int Updated => Rows.Count(r => r.Action == ImportRowAction.Update);
    public int Unchanged => Rows.Count(r => r.Action == ImportRowAction.Unchanged);
    public int Review => Rows.Count(r => r.Action == ImportRowAction.Review);
    public bool Refused => FileError is not null;
}

public sealed record RevertOutcome(int Restored, int Deleted, IReadOnlyList<string> KeptBecauseChangedSince);

public sealed class ImportRefusedException(string message) : Exception(message);

/// <summary>No such import or review row for this user; shown as not found, like any record the user may not see.</summary>
public sealed class ImportNotFoundException() : Exception("No such import.");

/// <summary>
/// Takes a parsed file into the register: matches every row (identifiers, then <see cref="RegisterIndex"/>), then
/// either reports what would happen (preview: nothing is written) or commits it all in one transaction, in batches so
/// memory stays flat. Rows that match uncertainly wait in the review queue; every created or changed record is
/// audited and remembered with its before and after values so the import can be reverted within 30 days.
/// </summary>
public sealed class ImportService(WaypointDbContext db, AuditTrail audit, TimeProvider clock, CurrencyCalculator currency, TrackingOptions options, MatchingOptions matching)
{
    public const int RevertDays = 30;
    private const int BatchSize = 2000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Reads, checks and matches a file, then previews (<paramref name="commit"/> false: nothing is written) or commits it.
    /// The file is opened twice: once to hash it, once to parse it, so it is never held in memory whole.
    /// </summary>
    public async Task<ImportOutcome> RunAsync(Actor actor, string laCode, ImportKind kind, Func<Stream> openFile, string fileName, bool commit, ImportLimits? limits = null, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(openFile);
        limits ??= new ImportLimits();
        string sha256;
        await using (var file = openFile())
        {
            if (file.CanSeek && file.Length > limits.MaxBytes)
            {
                return new ImportOutcome { Kind = kind, FileName = fileName, LaCode = laCode, FileError = $"The file is {file.Length:N0} bytes; files over {limits.MaxBytes:N0} bytes are refused without being read." };
            }

            try
            {
                sha256 = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(new Nccis.Returns.LimitedReadStream(file, limits.MaxBytes), ct));
            }
            catch (Nccis.Returns.FileTooLargeException)
            {
                return new ImportOutcome { Kind = kind, FileName = fileName, LaCode = laCode, FileError = $"The file is larger than {limits.MaxBytes:N0} bytes and was refused; reading stopped at the limit." };
            }
        }

        EnsureMayImport(actor, laCode);

        // Parsed on another thread while the register is read: each takes a while and neither needs the other.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var parsing = Task.Run(() =>
        {
            using var file = openFile();
            return Parsing.ImportParsers.Parse(kind, file, fileName, today, limits);
        }, CancellationToken.None);
        return await RunParsedAsync(actor, laCode, parsing, sha256, commit, progress, releaseRecords: true, ct);
    }

    public static bool CanImport(Actor actor) => actor.Role?.IsDataTeam() == true && actor.LaCode is not null;

    public Task<ImportOutcome> RunParsedAsync(Actor actor, string laCode, ParsedFile parsed, string sha256, bool commit, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return RunParsedAsync(actor, laCode, Task.FromResult(parsed), sha256, commit, progress, releaseRecords: false, ct);
    }

    private static void EnsureMayImport(Actor actor, string laCode)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSystem && (!CanImport(actor) || actor.LaCode != laCode))
        {
            throw new InvalidOperationException($"Only LA-wide staff of LA {laCode} can import its files.");
        }
    }

    /// <param name="releaseRecords">
    /// Let go of each batch's records once it is done, so a large file's rows do not all stay in memory to the end; the
    /// parsed file cannot be run again afterwards.
    /// </param>
    /// <param name="parsing">The file, parsed or being parsed; while it is, the register is read.</param>
    private async Task<ImportOutcome> RunParsedAsync(Actor actor, string laCode, Task<ParsedFile> parsing, string sha256, bool commit, IProgress<int>? progress, bool releaseRecords, CancellationToken ct)
    {
        EnsureMayImport(actor, laCode);
        var index = parsing.IsCompleted ? null : await RegisterWhileParsingAsync(laCode, parsing, ct);
        var parsed = await parsing;
        if (parsed.FileError is not null)
        {
            return new ImportOutcome { Kind = parsed.Kind, FileName = parsed.FileName, FileSha256 = sha256, LaCode = laCode, FileError = parsed.FileError, RowsRead = parsed.RowsRead, Warnings = parsed.Warnings, Rejected = parsed.Rejected };
        }

        var previously = await db.DataImports.AsNoTracking()
            .Where(i => i.FileSha256 == sha256 && i.LaCode == laCode && i.Status == DataImportStatus.Committed)
            .OrderByDescending(i => i.CreatedAt).Select(i => (DateTime?)i.CreatedAt).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var run = new DataImport
        {
            Kind = parsed.Kind, FileName = Truncate(parsed.FileName, 260), FileSha256 = sha256, LaCode = laCode, Status = DataImportStatus.Committed,
            CreatedAt = now, CreatedByUserId = actor.UserId, RowsRead = parsed.RowsRead, Rejected = parsed.Rejected.Count,
            RejectedJson = parsed.Rejected.Count == 0 ? null : JsonSerializer.Serialize(parsed.Rejected, Json),
        };

        index ??= await RegisterAsync(laCode, ct);
        var establishments = await EstablishmentsAsync(laCode, ct);
        var applier = new IncomingRecordApplier(db, currency, options, establishments, today, now, actor.UserId, $"{KindName(parsed.Kind)} import: {parsed.FileName}")
        {
            EvidenceSeenBefore = previously is not null,
        };
        var openReviews = (await db.MatchReviews.AsNoTracking().Where(r => r.LaCode == laCode && r.Status == MatchReviewStatus.Open)
            .Select(r => new { r.CandidateYoungPersonId, r.IncomingJson }).ToListAsync(ct))
            .Select(r => (r.CandidateYoungPersonId, r.IncomingJson)).ToHashSet();

        await using var transaction = commit ? await db.Database.BeginTransactionAsync(ct) : null;
        if (commit)
        {
            db.DataImports.Add(run);
            await db.SaveChangesAsync(ct);
        }

        var outcomes = new List<ImportRowOutcome>(parsed.Records.Count);
        var createdThisRun = new Dictionary<Guid, YoungPerson>();

        // The records this file created, also kept apart from the register: a row that matched no one when its batch
        // began is looked up again only among these (a later batch finds them in the register index).
        var createdIndex = new RegisterIndex(new MatchScorer(matching));
        var nextLocalId = await NextLocalIdAsync(laCode, ct);
        for (var start = 0; start < parsed.Records.Count; start += BatchSize)
        {
            var batch = parsed.Records.GetRange(start, Math.Min(BatchSize, parsed.Records.Count - start));
            if (releaseRecords)
            {
                for (var i = start; i < start + batch.Count; i++)
                {
                    parsed.Records[i] = null!;
                }
            }

            var decisions = batch.Select(r => (Record: r, Match: index.Find(Subject(r, establishments)))).ToList();
            var ids = decisions.Where(d => d.Match.Decision == MatchDecision.Match).Select(d => d.Match.PersonId!.Value).Distinct().ToList();
            IQueryable<YoungPerson> matched = db.YoungPeople.Where(p => ids.Contains(p.Id)).Include(p => p.Activities).Include(p => p.Census);

            // Characteristics are only looked at for a row that says the young person is looked after or a carer. They
            // are a second collection, which one query would multiply by the activities, so those batches split. Others
            // load in one query rather than two (a person has one census row, so the join repeats only the person): a
            // fifth quicker.
            if (batch.Any(r => r.LookedAfter == true || r.YoungCarer == true))
            {
                matched = matched.Include(p => p.Characteristics).AsSplitQuery();
            }
            else
            {
                matched = matched.AsSingleQuery();
            }

            var loaded = await matched.ToDictionaryAsync(p => p.Id, ct);
            applier.PendingTitles.UnionWith((await db.FollowUpTasks.AsNoTracking()
                    .Where(t => ids.Contains(t.YoungPersonId) && t.Kind == FollowUpKind.BenefitClaim)
                    .Select(t => new { t.YoungPersonId, t.Title }).ToListAsync(ct))
                .Select(t => (t.YoungPersonId, t.Title)));

            var createdInBatch = new Dictionary<Guid, YoungPerson>();
            var childRowsOnly = new List<(Guid Id, Guid Version)>();

            // The batch's audit events and change log, inserted by the save without passing through the change tracker.
            var inserts = new List<object>(2 * batch.Count);
            foreach (var (record, decided) in decisions)
            {
                var name = $"{record.GivenName} {record.FamilyName}";

                // Rows were matched before the batch's new records existed: a later row for someone an earlier row of this
                // file created is matched again, so one file never makes the same young person twice.
                var match = decided;
                if (decided.Decision == MatchDecision.New && createdIndex.Count > 0 && createdIndex.Find(Subject(record, establishments)) is { Decision: MatchDecision.Match, PersonId: { } again } rematch
                    && (createdInBatch.ContainsKey(again) || createdThisRun.ContainsKey(again)))
                {
                    match = rematch;
                }

                if (match.Decision == MatchDecision.Review)
                {
                    var json = JsonSerializer.Serialize(record, Json);
                    var candidate = match.PersonId!.Value;
                    var alreadyQueued = !openReviews.Add((candidate, json));
                    if (commit && !alreadyQueued && !createdThisRun.ContainsKey(candidate))
                    {
                        db.MatchReviews.Add(new MatchReview
                        {
                            ImportId = run.Id, LaCode = laCode, Row = record.Row, IncomingJson = json, CandidateYoungPersonId = candidate,
                            RunnerUpYoungPersonId = match.RunnerUpId, Score = Math.Round(match.Score!.Weight, 2), CreatedAt = now,
                            Reason = match.Score.BarredBecause ?? (match.RunnerUpId is null ? "the score is between the thresholds" : "two records look alike"),
                        });
                    }

                    outcomes.Add(new ImportRowOutcome(record.Row, alreadyQueued ? ImportRowAction.Unchanged : ImportRowAction.Review, candidate, name, match.Score?.Weight,
                        alreadyQueued ? "already waiting for review" : match.Score?.BarredBecause, []));
                    continue;
                }

                YoungPerson person;
                var created = false;
                if (match.Decision == MatchDecision.Match && (loaded.TryGetValue(match.PersonId!.Value, out var held) || createdThisRun.TryGetValue(match.PersonId.Value, out held)
                    || createdInBatch.TryGetValue(match.PersonId.Value, out held)))
                {
                    person = held;
                }
                else
                {
                    person = NewPerson(record, laCode, nextLocalId++, now);
                    created = true;
                    db.YoungPeople.Add(person);
                    var subject = Subject(record, establishments);
                    index.Add(person.Id, subject);
                    createdIndex.Add(person.Id, subject);
                    createdInBatch[person.Id] = person;
                    if (!commit)
                    {
                        createdThisRun[person.Id] = person;
                    }
                }

                var changes = ApplyAndRemember(applier, run.Id, person, record, parsed.Kind, created, now, rememberUnchanged: false, childRowsOnly, inserts);
                var action = created ? ImportRowAction.Create : changes.Count > 0 ? ImportRowAction.Update : ImportRowAction.Unchanged;
                // A commit keeps each row's changes in the import's change log, not in memory: a preview shows them.
                outcomes.Add(new ImportRowOutcome(record.Row, action, person.Id, name, match.Score?.Weight, null, commit ? [] : changes));
                if (action == ImportRowAction.Unchanged)
                {
                    continue;
                }

                inserts.Add(audit.Create(actor, AuditActions.YoungPersonImported, entityType: "YoungPerson", entityId: person.Id.ToString(), youngPersonId: person.Id,
                    details: new { importId = run.Id, kind = KindName(parsed.Kind), row = record.Row, created, score = match.Score?.Weight, changes }));
            }

            if (commit)
            {
                await VersionGuard.EnsureUnchangedSinceReadAsync(db, childRowsOnly, ct);
                await db.SaveChangesInBulkAsync(inserts, forgetTracked: true, ct);
            }

            // Written (inside the transaction) or, in a preview, thrown away: either way the batch is forgotten.
            db.ChangeTracker.Clear();
            progress?.Report(Math.Min(parsed.Records.Count, start + BatchSize));
        }

        var outcome = new ImportOutcome
        {
            Kind = parsed.Kind, FileName = parsed.FileName, FileSha256 = sha256, LaCode = laCode, Warnings = parsed.Warnings, Rejected = parsed.Rejected,
            Rows = outcomes, RowsRead = parsed.RowsRead, Committed = commit, ImportId = commit ? run.Id : null, PreviouslyImportedAt = previously,
        };
        if (commit)
        {
            run.Created = outcome.Created;
            run.Updated = outcome.Updated;
            run.Unchanged = outcome.Unchanged;
            run.Review = outcome.Review;
            db.DataImports.Update(run);
            audit.Add(actor, AuditActions.Imported, entityType: nameof(DataImport), entityId: run.Id.ToString(), details: new
            {
                kind = KindName(parsed.Kind), file = parsed.FileName, sha256, laCode, rows = parsed.RowsRead,
                created = run.Created, updated = run.Updated, unchanged = run.Unchanged, review = run.Review, rejected = run.Rejected,
                previouslyImportedAt = previously,
            });
            await db.SaveChangesAsync(ct);
            await transaction!.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }

        return outcome;
    }

    /// <summary>
    /// Undoes a committed import, all or nothing: records it created are deleted unless someone has worked on them since
    /// (then they are kept and listed), each field it changed goes back unless it was changed again since, and the
    /// activities, characteristics and follow-ups it added are removed. Only within <see cref="RevertDays"/> days.
    /// </summary>
    public async Task<RevertOutcome> RevertAsync(Actor actor, Guid importId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var run = await db.DataImports.SingleOrDefaultAsync(i => i.Id == importId, ct) ?? throw new ImportNotFoundException();
        if (!actor.IsSystem && (!CanImport(actor) || actor.LaCode != run.LaCode))
        {
            throw new ImportNotFoundException();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (run.Status == DataImportStatus.Reverted)
        {
            throw new ImportRefusedException($"This import was already reverted on {run.RevertedAt:d MMMM yyyy}.");
        }

        if (now - run.CreatedAt > TimeSpan.FromDays(RevertDays))
        {
            throw new ImportRefusedException($"Imports can be reverted for {RevertDays} days; this one was committed on {run.CreatedAt:d MMMM yyyy}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        int restored = 0, deleted = 0;
        var kept = new List<string>();

        // The change log holds every record's values before and after: only its IDs are read up front, and its rows a
        // chunk at a time, so a large import's revert does not hold it all at once.
        var changeIds = await db.DataImportChanges.Where(c => c.ImportId == importId).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        foreach (var chunkIds in changeIds.Chunk(BatchSize))
        {
            var chunk = await db.DataImportChanges.AsNoTracking().Where(c => chunkIds.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
            var ids = chunk.Select(c => c.YoungPersonId).Distinct().ToList();
            var people = await db.YoungPeople.Where(p => ids.Contains(p.Id))
                .Include(p => p.Activities).Include(p => p.Characteristics).Include(p => p.Census)
                .AsSplitQuery().ToDictionaryAsync(p => p.Id, ct);

            // The follow-ups of the records this import created, read once for the chunk rather than once a record: one
            // that someone has given a follow-up since was worked on, and is kept.
            var createdIds = chunk.Where(c => c.Kind == DataImportChangeKind.Created).Select(c => c.YoungPersonId).ToList();
            var followUpsOfCreated = (createdIds.Count == 0 ? [] : await db.FollowUpTasks.AsNoTracking().Where(t => createdIds.Contains(t.YoungPersonId))
                .Select(t => new { t.YoungPersonId, t.Id }).ToListAsync(ct)).ToLookup(t => t.YoungPersonId, t => t.Id);
            var addedFollowUps = new List<Guid>();
            foreach (var change in chunk)
            {
                if (!people.TryGetValue(change.YoungPersonId, out var person) || db.Entry(person).State == EntityState.Deleted)
                {
                    continue;
                }

                var added = JsonSerializer.Deserialize<AddedRows>(change.AddedJson, Json)!;
                var after = ImportedFields.FromJson(change.AfterJson);
                if (change.Kind == DataImportChangeKind.Created)
                {
                    var untouched = after == ImportedFields.Of(person)
                        && person.Activities.All(a => added.Activities.Contains(a.Id))
                        && person.Characteristics.All(c => added.Characteristics.Contains(c.Id))
                        && followUpsOfCreated[person.Id].All(added.Tasks.Contains);
                    if (untouched)
                    {
                        db.YoungPeople.Remove(person);
                        deleted++;
                    }
                    else
                    {
                        kept.Add($"{person.GivenName} {person.FamilyName} was created by this import and has been worked on since, so it was kept");
                    }

                    continue;
                }

                var fieldsKept = after.RevertOnto(person, ImportedFields.FromJson(change.BeforeJson!));
                kept.AddRange(fieldsKept.Select(f => $"{person.GivenName} {person.FamilyName}: {f} was changed again after the import, so it was kept"));
                RemoveAdded(person, added);
                addedFollowUps.AddRange(added.Tasks);
                RestoreCensus(person, change);
                CurrentActivity.Apply(person, currency);
                person.SearchName = NameSearch.Key(person.GivenName, person.FamilyName);
                person.PostcodeDistrict = person.Postcode is not null && Identifiers.Postcode.IsValid(person.Postcode) ? Identifiers.Postcode.District(person.Postcode) : null;
                person.UpdatedAt = now;
                restored++;
                audit.Add(actor, AuditActions.ImportReverted, entityType: "YoungPerson", entityId: person.Id.ToString(), youngPersonId: person.Id,
                    details: new { importId, fieldsKept });
            }

            // The follow-ups this import opened go unless someone has completed them: one statement for the chunk.
            if (addedFollowUps.Count > 0)
            {
                await db.FollowUpTasks.Where(t => addedFollowUps.Contains(t.Id) && t.CompletedAt == null).ExecuteDeleteAsync(ct);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await db.MatchReviews.Where(r => r.ImportId == importId && r.Status == MatchReviewStatus.Open).ExecuteDeleteAsync(ct);
        run = await db.DataImports.SingleAsync(i => i.Id == importId, ct);
        run.Status = DataImportStatus.Reverted;
        run.RevertedAt = now;
        run.RevertedByUserId = actor.UserId;
        audit.Add(actor, AuditActions.ImportReverted, entityType: nameof(DataImport), entityId: importId.ToString(), details: new { restored, deleted, kept });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RevertOutcome(restored, deleted, kept);
    }

    /// <summary>
    /// Settles a row from the review queue: apply it to <paramref name="matchTo"/> (the candidate, the runner-up or any
    /// record of the LA), or with null create a new record from it. Either way the change belongs to the original import.
    /// </summary>
    public async Task<Guid> ResolveReviewAsync(Actor actor, Guid reviewId, Guid? matchTo, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var review = await db.MatchReviews.SingleOrDefaultAsync(r => r.Id == reviewId, ct) ?? throw new ImportNotFoundException();
        if (!actor.IsSystem && (!CanImport(actor) || actor.LaCode != review.LaCode))
        {
            throw new ImportNotFoundException();
        }

        if (review.Status != MatchReviewStatus.Open)
        {
            throw new ImportRefusedException("This row has already been settled.");
        }

        var run = await db.DataImports.AsNoTracking().SingleAsync(i => i.Id == review.ImportId, ct);
        var record = JsonSerializer.Deserialize<IncomingRecord>(review.IncomingJson, Json)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var establishments = await EstablishmentsAsync(review.LaCode, ct);
        var applier = new IncomingRecordApplier(db, currency, options, establishments, today, now, actor.UserId, $"{KindName(run.Kind)} import: {run.FileName}");
        YoungPerson person;
        var created = matchTo is null;
        if (matchTo is { } id)
        {
            person = await db.YoungPeople.Include(p => p.Activities).Include(p => p.Characteristics).Include(p => p.Census).AsSplitQuery()
                .SingleOrDefaultAsync(p => p.Id == id && p.LeadLaCode == review.LaCode, ct) ?? throw new RecordNotFoundException(id);
        }
        else
        {
            person = NewPerson(record, review.LaCode, await NextLocalIdAsync(review.LaCode, ct), now);
            db.YoungPeople.Add(person);
        }

        var childRowsOnly = new List<(Guid Id, Guid Version)>();
        var remembered = new List<object>(1);
        var changes = ApplyAndRemember(applier, run.Id, person, record, run.Kind, created, now, rememberUnchanged: true, childRowsOnly, remembered);
        db.AddRange(remembered);
        review.Status = created ? MatchReviewStatus.CreatedNew : MatchReviewStatus.Matched;
        review.ResolvedAt = now;
        review.ResolvedByUserId = actor.UserId;
        review.ResolvedYoungPersonId = person.Id;
        audit.Add(actor, AuditActions.MatchReviewed, entityType: "YoungPerson", entityId: person.Id.ToString(), youngPersonId: person.Id,
            details: new { reviewId, importId = run.Id, row = review.Row, candidate = review.CandidateYoungPersonId, created, changes });
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await VersionGuard.EnsureUnchangedSinceReadAsync(db, childRowsOnly, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return person.Id;
    }

    /// <summary>
    /// Applies one incoming record and, when it changed the record (or when asked), remembers the record's fields before
    /// and after, its census data before and the rows added, for the revert: the one way every import path writes a record.
    /// The change-log row goes in <paramref name="changeLog"/>, for the caller to save. A held person whose own row stays
    /// as it was while child rows change is added to <paramref name="childRowsOnly"/> with the version read, for
    /// <see cref="VersionGuard"/> to check before the save.
    /// </summary>
    private static List<FieldChange> ApplyAndRemember(IncomingRecordApplier applier, Guid importId, YoungPerson person, IncomingRecord record, ImportKind kind, bool created, DateTime now, bool rememberUnchanged, List<(Guid Id, Guid Version)> childRowsOnly, List<object> changeLog)
    {
        var before = created ? null : ImportedFields.Of(person);
        var derivedBefore = DerivedColumns.Of(person);
        var censusBefore = person.Census is null ? null : JsonSerializer.Serialize(person.Census, Json);
        var hadCensus = person.Census is not null;
        var (changes, added) = applier.Apply(person, record, kind, created);
        if (created || changes.Count > 0 || rememberUnchanged)
        {
            // The person's own row is rewritten only when one of its columns changed. Most rows of a termly roll only
            // confirm the school activity or bring new attendance, which are written to those rows; rewriting the
            // person too would write a new copy of the register's widest row and, unless its page has room, an entry
            // in each of its 15 indexes, for nothing. Its version is still checked before the save (VersionGuard).
            var after = ImportedFields.Of(person);
            if (created || after != before || DerivedColumns.Of(person) != derivedBefore)
            {
                person.UpdatedAt = now;
            }
            else
            {
                childRowsOnly.Add((person.Id, person.Version));
            }

            changeLog.Add(new DataImportChange
            {
                ImportId = importId, YoungPersonId = person.Id, Kind = created ? DataImportChangeKind.Created : DataImportChangeKind.Updated,
                BeforeJson = before?.ToJson(), AfterJson = after.ToJson(), AddedJson = JsonSerializer.Serialize(added, Json),
                CensusBeforeJson = censusBefore, HadCensus = hadCensus,
            });
        }

        return changes;
    }

    /// <summary>The columns of a person's row an import changes besides <see cref="ImportedFields"/>: those worked out from them and from the activities.</summary>
    private readonly record struct DerivedColumns(
        Guid? CurrentActivityId, string? CurrentActivityCode, DateOnly? CurrentActivityStart, DateOnly? CurrentDueToLapse, DateOnly? CurrentNeetStart,
        DateOnly? CurrentReviewDate, string SearchName, string? PostcodeDistrict)
    {
        public static DerivedColumns Of(YoungPerson p) => new(
            p.CurrentActivityId, p.CurrentActivityCode, p.CurrentActivityStart, p.CurrentDueToLapse, p.CurrentNeetStart, p.CurrentReviewDate, p.SearchName, p.PostcodeDistrict);
    }

    private async Task<EstablishmentDirectory> EstablishmentsAsync(string laCode, CancellationToken ct) =>
        new(await db.Organisations.AsNoTracking().Where(o => o.LaCode == laCode || o.Ukprn != null).ToListAsync(ct));

    private void RemoveAdded(YoungPerson person, AddedRows added)
    {
        foreach (var activity in person.Activities.Where(a => added.Activities.Contains(a.Id)).ToList())
        {
            person.Activities.Remove(activity);
            db.Activities.Remove(activity);
        }

        foreach (var verified in added.Verified)
        {
            if (person.Activities.Find(a => a.Id == verified.Id) is { } activity && activity.DateVerified == verified.DateVerified)
            {
                activity.DateVerified = verified.DateVerifiedBefore;
            }
        }

        foreach (var characteristic in person.Characteristics.Where(c => added.Characteristics.Contains(c.Id)).ToList())
        {
            person.Characteristics.Remove(characteristic);
            db.Characteristics.Remove(characteristic);
        }
    }

    private void RestoreCensus(YoungPerson person, DataImportChange change)
    {
        if (!change.HadCensus)
        {
            if (person.Census is not null)
            {
                db.PupilCensus.Remove(person.Census);
            }

            return;
        }

        var before = JsonSerializer.Deserialize<PupilCensusData>(change.CensusBeforeJson!, Json)!;
        if (person.Census is { } census)
        {
            db.Entry(census).CurrentValues.SetValues(before);
        }
    }

    /// <summary>
    /// The register index, read while the file is parsed; null when the parse refused the file first (the read is then
    /// cancelled: a refused file needs no register). Never returns while the parse is still reading the caller's file.
    /// </summary>
    private async Task<RegisterIndex?> RegisterWhileParsingAsync(string laCode, Task<ParsedFile> parsing, CancellationToken ct)
    {
        using var refused = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parseDone = parsing.ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                // Observed here, so a parse that fails while the register read fails too is not reported twice; the
                // caller awaits the parse itself for its result or its exception.
                _ = t.Exception;
            }
            else if (t.IsCompletedSuccessfully && t.Result.FileError is not null)
            {
                refused.Cancel();
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return await RegisterAsync(laCode, refused.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && refused.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            await parseDone;
        }
    }

    private async Task<RegisterIndex> RegisterAsync(string laCode, CancellationToken ct)
    {
        var index = new RegisterIndex(new MatchScorer(matching));

        // Merged duplicates are no one to match: their successor record is in the register.
        var people = db.YoungPeople.AsNoTracking().Where(p => p.LeadLaCode == laCode && p.CohortStatus != CohortStatus.M)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Gender, p.Postcode, p.SchoolId, p.Upn, p.Uln, p.FormerUpn })
            .AsAsyncEnumerable();

        // Names repeat across a register: each distinct one is held once.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Name(string name) => names.TryGetValue(name, out var held) ? held : names[name] = name;
        await foreach (var p in people.WithCancellation(ct))
        {
            index.Add(p.Id, new MatchSubject(Name(p.GivenName), Name(p.FamilyName), p.DateOfBirth, p.Gender, p.Postcode, p.SchoolId, p.Upn, p.Uln, p.FormerUpn));
        }

        return index;
    }

    private static MatchSubject Subject(IncomingRecord r, EstablishmentDirectory establishments) =>
        new(r.GivenName, r.FamilyName, r.DateOfBirth, r.Gender, r.Address?.Postcode, establishments.Find(r.SchoolLaEstab, r.SchoolUrn, r.Enrolment?.Ukprn)?.Id, r.Upn, r.Uln, r.FormerUpn);

    private async Task<long> NextLocalIdAsync(string laCode, CancellationToken ct) =>
        (await db.YoungPeople.Where(p => p.LeadLaCode == laCode).Select(p => p.LocalId).ToListAsync(ct))
        .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;

    private static YoungPerson NewPerson(IncomingRecord r, string laCode, long localId, DateTime now) => new()
    {
        LocalId = localId.ToString("D10", CultureInfo.InvariantCulture),
        GivenName = r.GivenName,
        FamilyName = r.FamilyName,
        DateOfBirth = r.DateOfBirth,
        Gender = r.Gender,
        EthnicityCode = r.EthnicityCode ?? "NOBT",
        LeadLaCode = laCode,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static string KindName(ImportKind kind) => kind switch
    {
        ImportKind.Roll => "School roll",
        ImportKind.Ctf => "Common Transfer File",
        ImportKind.Enrolments => "Enrolments and leavers",
        ImportKind.BenefitClaims => "Benefit claims",
        _ => kind.ToString(),
    };

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
