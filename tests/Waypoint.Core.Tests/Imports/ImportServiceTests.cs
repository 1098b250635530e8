using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Imports;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tasks;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Imports;

public class ImportServiceTests
{
    private static readonly Actor System = Actor.System("test");

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private sealed record World(ServiceProvider Services, FakeTimeProvider Clock, TestData Data, Organisation School) : IAsyncDisposable
    {
        public static async Task<World> CreateAsync(DatabaseProvider provider, string name)
        {
            var clock = TestClock.Create();
            var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, name), clock);
            var data = new TestData(services, clock);
            return new World(services, clock, data, await data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege));
        }

        public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

        public async Task<ImportOutcome> RunAsync(ParsedFile file, bool commit = true, string sha = "sha-1", IProgress<int>? progress = null, CancellationToken ct = default)
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ImportService>().RunParsedAsync(System, "931", file, sha, commit, progress, ct);
        }

        public async Task<ImportOutcome> RunFileAsync(ImportKind kind, string fileName, byte[] content, bool commit = true, ImportLimits? limits = null)
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ImportService>().RunAsync(System, "931", kind, () => new MemoryStream(content), fileName, commit, limits);
        }

        public async Task<T> WithServiceAsync<T>(Func<ImportService, Task<T>> action)
        {
            await using var scope = Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<ImportService>());
        }

        public async Task<T> QueryAsync<T>(Func<WaypointDbContext, Task<T>> query)
        {
            await using var scope = Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<WaypointDbContext>());
        }

        public IncomingRecord Pupil(int row, string given, string family, DateOnly dob, string? upn = null) => new()
        {
            Row = row, GivenName = given, FamilyName = family, DateOfBirth = dob, Gender = Gender.F, Upn = upn, EthnicityCode = "WBRI",
            Address = new IncomingAddress($"{row} Mill Lane", null, null, "Oxford", null, "OX4 1AA"),
            SchoolLaEstab = School.LaEstab, YearGroup = 11, FreeSchoolMeals = row % 2 == 0, AttendancePercent = 93.5m, SenProvision = "N",
        };

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static ParsedFile File(ImportKind kind, params IncomingRecord[] records)
    {
        var file = new ParsedFile { FileName = "roll.csv", Kind = kind, RowsRead = records.Length };
        file.Records.AddRange(records);
        return file;
    }

    private static DateOnly Dob(int n) => new DateOnly(2010, 9, 1).AddDays(n * 7);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Commit_SameRollTwice_SecondRunChangesNothingAndSaysItWasSeen(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_twice");
        var file = File(ImportKind.Roll, [.. Enumerable.Range(2, 40).Select(n => world.Pupil(n, $"Given{(char)('a' + n % 26)}{n}", $"Family{n}", Dob(n)))]);

        var first = await world.RunAsync(file);
        var afterFirst = await world.QueryAsync(db => db.Activities.CountAsync());
        var second = await world.RunAsync(file);

        Assert.Equal((40, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Null(first.PreviouslyImportedAt);
        Assert.Equal((0, 0, 40, 0), (second.Created, second.Updated, second.Unchanged, second.Review));
        Assert.NotNull(second.PreviouslyImportedAt);
        Assert.Equal(40, await world.QueryAsync(db => db.YoungPeople.CountAsync()));
        Assert.Equal(afterFirst, await world.QueryAsync(db => db.Activities.CountAsync()));
        Assert.Equal(40, afterFirst);
        var person = await world.QueryAsync(db => db.YoungPeople.Include(p => p.Activities).Include(p => p.Census).FirstAsync());
        Assert.Equal(world.School.Id, person.SchoolId);
        Assert.Equal("110", person.CurrentActivityCode);
        Assert.Equal(world.School.LaEstab, person.Activities.Single().EstablishmentNumber);
        Assert.Equal(93.5m, person.Census!.AttendancePercent);
        Assert.Equal(2, await world.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.Imported)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Commit_NextRollOnlyConfirmsTheSchoolAndBringsAttendance_PersonRowLeftAloneChangesLoggedAndReverted(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_confirm");
        var pupils = Enumerable.Range(2, 3).Select(n => world.Pupil(n, $"Given{n}", $"Family{n}", Dob(n), $"A93100012{n:D4}")).ToArray();
        await world.RunAsync(File(ImportKind.Roll, pupils));
        var before = await world.QueryAsync(db => db.YoungPeople.AsNoTracking().Include(p => p.Activities).Include(p => p.Census).OrderBy(p => p.FamilyName).ToListAsync());
        world.Clock.Advance(TimeSpan.FromDays(7));

        var next = await world.RunAsync(File(ImportKind.Roll, [.. pupils.Select(p => p with { AttendancePercent = 88.0m })]), sha: "sha-next-term");

        Assert.Equal((0, 3, 0), (next.Created, next.Updated, next.Unchanged));
        var after = await world.QueryAsync(db => db.YoungPeople.AsNoTracking().Include(p => p.Activities).Include(p => p.Census).OrderBy(p => p.FamilyName).ToListAsync());
        Assert.Equal(before.Select(p => (p.Id, p.Version, p.UpdatedAt, p.CurrentDueToLapse)), after.Select(p => (p.Id, p.Version, p.UpdatedAt, p.CurrentDueToLapse)));
        Assert.All(after, p => Assert.Equal((world.Today, 88.0m), (p.Activities.Single().DateVerified!.Value, p.Census!.AttendancePercent)));
        var audited = await world.QueryAsync(db => db.AuditEvents.Where(a => a.Action == AuditActions.YoungPersonImported && a.Details!.Contains("88.0")).Select(a => a.YoungPersonId).ToListAsync());
        Assert.Equal(after.Select(p => (Guid?)p.Id).Order(), audited.Order());

        await world.WithServiceAsync(s => s.RevertAsync(System, next.ImportId!.Value));

        var reverted = await world.QueryAsync(db => db.YoungPeople.AsNoTracking().Include(p => p.Activities).Include(p => p.Census).OrderBy(p => p.FamilyName).ToListAsync());
        Assert.Equal(before.Select(p => (p.Activities.Single().DateVerified, p.Census!.AttendancePercent)), reverted.Select(p => (p.Activities.Single().DateVerified, p.Census!.AttendancePercent)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task VersionGuard_PersonChangedSinceRead_RefusedElseLetThrough(DatabaseProvider provider)
    {
        // What keeps a roll that only rewrites a person's activity and census rows from putting back a change someone
        // made after the import read them (the person's row, and so its version check, is not written).
        await using var world = await World.CreateAsync(provider, "import_guard");
        var held = await world.Data.CreateYoungPersonAsync();
        var other = await world.Data.CreateYoungPersonAsync();
        var read = await world.QueryAsync(db => db.YoungPeople.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Version }).ToListAsync());
        await world.QueryAsync(async db =>
        {
            var person = await db.YoungPeople.SingleAsync(p => p.Id == held.Id);
            person.Email = "changed-meanwhile@example.org";
            return await db.SaveChangesAsync();
        });

        async Task GuardAsync(IReadOnlyCollection<(Guid, Guid)> versions) => await world.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await VersionGuard.EnsureUnchangedSinceReadAsync(db, versions);
            return 0;
        });

        var refused = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => GuardAsync([.. read.Select(r => (r.Id, r.Version))]));
        Assert.Contains("1 of 2 young people", refused.Message, StringComparison.Ordinal);
        await GuardAsync([.. read.Where(r => r.Id == other.Id).Select(r => (r.Id, r.Version))]);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => GuardAsync([(Guid.NewGuid(), Guid.NewGuid())]));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Preview_MatchByUpnAndNewRows_ReportsAndWritesNothing(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_preview");
        var held = await world.Data.CreateYoungPersonAsync();
        var file = File(ImportKind.Roll, world.Pupil(2, "Someone", "Else", held.DateOfBirth, held.Upn), world.Pupil(3, "New", "Person", Dob(3)));

        var preview = await world.RunAsync(file, commit: false);

        Assert.False(preview.Committed);
        Assert.Equal((1, 1), (preview.Created, preview.Updated));
        var update = Assert.Single(preview.Rows, r => r.Action == ImportRowAction.Update);
        Assert.Equal(held.Id, update.YoungPersonId);
        Assert.Contains(update.Changes, c => c.Field == "GivenName" && c.OldValue == held.GivenName && c.NewValue == "Someone");
        Assert.Equal(1, await world.QueryAsync(db => db.YoungPeople.CountAsync()));
        Assert.Equal(held.GivenName, await world.QueryAsync(db => db.YoungPeople.Select(p => p.GivenName).SingleAsync()));
        Assert.Equal(0, await world.QueryAsync(db => db.DataImports.CountAsync()));
        Assert.Equal(0, await world.QueryAsync(db => db.Activities.CountAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Commit_CancelledPartWay_NothingWritten(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_atomic");
        var file = File(ImportKind.Roll, [.. Enumerable.Range(2, 1200).Select(n => world.Pupil(n, $"Given{n}", $"Family{(char)('a' + n % 26)}", Dob(n % 200)))]);
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(done =>
        {
            if (done >= 500)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.RunAsync(file, progress: progress, ct: cancel.Token));

        Assert.Equal(0, await world.QueryAsync(db => db.YoungPeople.CountAsync()));
        Assert.Equal(0, await world.QueryAsync(db => db.DataImports.CountAsync()));
        Assert.Equal(0, await world.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.YoungPersonImported)));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Revert_ImportThatCreatedAndChanged_RestoresValuesAndActivitiesExactly(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_revert");
        var held = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.Activities.Add(new Activity { Code = "110", StartDate = new(2025, 9, 1), DateAscertained = new(2025, 9, 1), Source = "School", EstablishmentNumber = "9319999" });
            p.Email = "held@example.org";
        });
        var before = await world.QueryAsync(db => db.YoungPeople.AsNoTracking().Include(p => p.Activities).Include(p => p.Characteristics).SingleAsync(p => p.Id == held.Id));
        var changed = world.Pupil(2, "Renamed", held.FamilyName, held.DateOfBirth, held.Upn) with { LookedAfter = true, SenProvision = "K" };
        var outcome = await world.RunAsync(File(ImportKind.Roll, changed, world.Pupil(3, "Brand", "New", Dob(3))));
        Assert.Equal((1, 1), (outcome.Created, outcome.Updated));

        var reverted = await world.WithServiceAsync(s => s.RevertAsync(System, outcome.ImportId!.Value));

        Assert.Equal((1, 1), (reverted.Restored, reverted.Deleted));
        Assert.Empty(reverted.KeptBecauseChangedSince);
        var after = await world.QueryAsync(db => db.YoungPeople.AsNoTracking().Include(p => p.Activities).Include(p => p.Characteristics).Include(p => p.Census).SingleAsync());
        Assert.Equal(ImportedFields.Of(before), ImportedFields.Of(after));
        Assert.Equal(before.Activities.Select(a => (a.Id, a.Code, a.DateVerified)), after.Activities.Select(a => (a.Id, a.Code, a.DateVerified)));
        Assert.Empty(after.Characteristics);
        Assert.Null(after.Census);
        Assert.Equal(before.CurrentActivityCode, after.CurrentActivityCode);
        Assert.Equal(DataImportStatus.Reverted, await world.QueryAsync(db => db.DataImports.Select(i => i.Status).SingleAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Revert_FieldChangedAgainAfterImport_KeptAndListed(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_revert_kept");
        var held = await world.Data.CreateYoungPersonAsync();
        var outcome = await world.RunAsync(File(ImportKind.Roll, world.Pupil(2, "Renamed", "Changed", held.DateOfBirth, held.Upn)));
        await world.QueryAsync(async db =>
        {
            var person = await db.YoungPeople.SingleAsync();
            person.FamilyName = "Corrected";
            return await db.SaveChangesAsync();
        });

        var reverted = await world.WithServiceAsync(s => s.RevertAsync(System, outcome.ImportId!.Value));

        var person = await world.QueryAsync(db => db.YoungPeople.SingleAsync());
        Assert.Equal(held.GivenName, person.GivenName);
        Assert.Equal("Corrected", person.FamilyName);
        Assert.Contains(reverted.KeptBecauseChangedSince, k => k.Contains("FamilyName", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Revert_BenefitClaims_OpenFollowUpRemovedCompletedOneKept(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_revert_claims");
        var open = await world.Data.CreateYoungPersonAsync(yearGroup: 13);
        var done = await world.Data.CreateYoungPersonAsync(yearGroup: 13);
        IncomingRecord Claim(int row, YoungPerson p) => new()
        {
            Row = row, GivenName = p.GivenName, FamilyName = p.FamilyName, DateOfBirth = p.DateOfBirth, Upn = p.Upn,
            BenefitClaim = new IncomingBenefitClaim(new(2026, 11, 16), "Universal Credit", null),
        };
        var outcome = await world.RunAsync(File(ImportKind.BenefitClaims, Claim(2, open), Claim(3, done)));
        Assert.Equal(2, await world.QueryAsync(db => db.FollowUpTasks.CountAsync()));
        await world.QueryAsync(async db =>
        {
            (await db.FollowUpTasks.SingleAsync(t => t.YoungPersonId == done.Id)).CompletedAt = world.Clock.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync();
        });

        var reverted = await world.WithServiceAsync(s => s.RevertAsync(System, outcome.ImportId!.Value));

        Assert.Equal(2, reverted.Restored);
        var left = await world.QueryAsync(db => db.FollowUpTasks.Select(t => t.YoungPersonId).ToListAsync());
        Assert.Equal([done.Id], left);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Revert_CreatedRecordGivenAFollowUpSince_KeptAndListed(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_revert_worked_on");
        var outcome = await world.RunAsync(File(ImportKind.Roll, world.Pupil(2, "Ada", "Worked", Dob(2)), world.Pupil(3, "Bo", "Untouched", Dob(3))));
        var worked = await world.QueryAsync(db => db.YoungPeople.Where(p => p.FamilyName == "Worked").Select(p => p.Id).SingleAsync());
        await world.QueryAsync(db =>
        {
            db.FollowUpTasks.Add(new FollowUpTask { YoungPersonId = worked, Kind = FollowUpKind.Manual, Title = "Call Ada", DueOn = world.Today, CreatedAt = world.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });

        var reverted = await world.WithServiceAsync(s => s.RevertAsync(System, outcome.ImportId!.Value));

        Assert.Equal(1, reverted.Deleted);
        Assert.Contains(reverted.KeptBecauseChangedSince, k => k.Contains("Ada Worked", StringComparison.Ordinal));
        Assert.Equal(["Worked"], await world.QueryAsync(db => db.YoungPeople.Select(p => p.FamilyName).ToListAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Revert_AfterThirtyDays_Refused(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_revert_late");
        var outcome = await world.RunAsync(File(ImportKind.Roll, world.Pupil(2, "Ada", "Late", Dob(2))));
        world.Clock.Advance(TimeSpan.FromDays(31));

        var error = await Assert.ThrowsAsync<ImportRefusedException>(() => world.WithServiceAsync(s => s.RevertAsync(System, outcome.ImportId!.Value)));

        Assert.Contains("30 days", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await world.QueryAsync(db => db.YoungPeople.CountAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Commit_DateOfBirthSwapped_WaitsForReviewThenMatchedByHand(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_review");
        var held = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.DateOfBirth = new DateOnly(2010, 3, 7);
            p.Upn = null;
            p.Postcode = "OX4 1AA";
            p.SchoolId = world.School.Id;
            p.Gender = Gender.F;
        });
        var row = world.Pupil(2, held.GivenName, held.FamilyName, new DateOnly(2010, 7, 3));

        var outcome = await world.RunAsync(File(ImportKind.Roll, row));
        var again = await world.RunAsync(File(ImportKind.Roll, row), sha: "sha-2");

        var review = Assert.Single(outcome.Rows);
        Assert.Equal(ImportRowAction.Review, review.Action);
        Assert.Equal(held.Id, review.YoungPersonId);
        Assert.Equal(ImportRowAction.Unchanged, Assert.Single(again.Rows).Action);
        var queued = await world.QueryAsync(db => db.MatchReviews.SingleAsync());
        Assert.Equal("the dates of birth differ", queued.Reason);

        var resolved = await world.WithServiceAsync(s => s.ResolveReviewAsync(System, queued.Id, held.Id));

        Assert.Equal(held.Id, resolved);
        Assert.Equal(1, await world.QueryAsync(db => db.YoungPeople.CountAsync()));
        Assert.Equal(new DateOnly(2010, 7, 3), await world.QueryAsync(db => db.YoungPeople.Select(p => p.DateOfBirth).SingleAsync()));
        Assert.Equal(MatchReviewStatus.Matched, await world.QueryAsync(db => db.MatchReviews.Select(r => r.Status).SingleAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Commit_LeaverNotice_NotKnownFromTheNextDayAndAFollowUpInFiveWorkingDays(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_leaver");
        var careers = await world.Data.CreateOrganisationAsync(OrganisationKind.CareersGuidanceProvider);
        var adviser = await world.Data.CreateUserAsync(Core.Users.WaypointRole.PersonalAdviser, careers.Id);
        var held = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.Uln = "1234567890";
            p.AdviserUserId = adviser.Id;
            p.Activities.Add(new Activity { Code = "230", StartDate = new(2026, 9, 1), DateAscertained = new(2026, 9, 1), Ukprn = "10001234", Source = "College", PredictedEndDate = new(2027, 7, 31) });
        }, yearGroup: 12);
        var leaver = new IncomingRecord
        {
            Row = 2, GivenName = held.GivenName, FamilyName = held.FamilyName, DateOfBirth = held.DateOfBirth, Uln = held.Uln,
            Enrolment = new IncomingEnrolment("10001234", "Oxford College", "Level 2 Plumbing", "230", new(2026, 9, 1), new(2027, 7, 31), new(2026, 11, 20), "Withdrew"),
        };

        var outcome = await world.RunAsync(File(ImportKind.Enrolments, leaver));
        var again = await world.RunAsync(File(ImportKind.Enrolments, leaver));

        Assert.Equal(1, outcome.Updated);
        Assert.Equal(1, again.Unchanged);
        var person = await world.QueryAsync(db => db.YoungPeople.Include(p => p.Activities).SingleAsync());
        Assert.Equal("810", person.CurrentActivityCode);
        Assert.Equal(new DateOnly(2026, 11, 21), person.CurrentActivityStart);
        Assert.Equal(held.GivenName, person.GivenName);
        var task = await world.QueryAsync(db => db.FollowUpTasks.SingleAsync());
        Assert.Equal(FollowUpKind.LeftLearning, task.Kind);
        Assert.Equal(adviser.Id, task.AssignedToUserId);
        Assert.Equal(new DateOnly(2026, 11, 30), task.DueOn);
        Assert.Contains("Oxford College", task.Title, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Commit_BenefitClaimTwice_OneFollowUpAndNoOtherChange(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_benefit");
        var held = await world.Data.CreateYoungPersonAsync(yearGroup: 13);
        var claim = new IncomingRecord
        {
            Row = 2, GivenName = held.GivenName, FamilyName = "Typo" + held.FamilyName, DateOfBirth = held.DateOfBirth, Upn = held.Upn,
            BenefitClaim = new IncomingBenefitClaim(new(2026, 11, 16), "Universal Credit", "QQ123456C"),
        };

        var first = await world.RunAsync(File(ImportKind.BenefitClaims, claim));
        var second = await world.RunAsync(File(ImportKind.BenefitClaims, claim), sha: "sha-other");

        Assert.Equal(1, first.Updated);
        Assert.Equal(1, second.Unchanged);
        Assert.Equal(held.FamilyName, await world.QueryAsync(db => db.YoungPeople.Select(p => p.FamilyName).SingleAsync()));
        var task = await world.QueryAsync(db => db.FollowUpTasks.SingleAsync());
        Assert.Equal(FollowUpKind.BenefitClaim, task.Kind);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Commit_SameClaimTwiceInOneFile_OneFollowUp(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_benefit_repeat");
        var held = await world.Data.CreateYoungPersonAsync(yearGroup: 13);
        IncomingRecord Claim(int row) => new()
        {
            Row = row, GivenName = held.GivenName, FamilyName = held.FamilyName, DateOfBirth = held.DateOfBirth, Upn = held.Upn,
            BenefitClaim = new IncomingBenefitClaim(new(2026, 11, 16), "Universal Credit", "QQ123456C"),
        };

        var outcome = await world.RunAsync(File(ImportKind.BenefitClaims, Claim(2), Claim(3)));

        Assert.Equal([ImportRowAction.Update, ImportRowAction.Unchanged], outcome.Rows.Select(r => r.Action));
        var task = await world.QueryAsync(db => db.FollowUpTasks.SingleAsync());
        Assert.Equal(FollowUpKind.BenefitClaim, task.Kind);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Commit_RefusedFile_NothingWrittenAndErrorReturned(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_refused");
        var file = File(ImportKind.Ctf);
        file.FileError = "The file contains a DTD; entity declarations are not allowed.";

        var outcome = await world.RunAsync(file);

        Assert.True(outcome.Refused);
        Assert.Equal(0, await world.QueryAsync(db => db.DataImports.CountAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Commit_BothCtfDialects_PupilsWithSenFsmAttendanceAndAddresses(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_ctf");
        var samples = Path.Combine(AppContext.BaseDirectory, "Imports", "Parsing", "Samples");

        var namespaced = await world.RunFileAsync(ImportKind.Ctf, "ctf-namespaced-gender-bs7666.xml", await global::System.IO.File.ReadAllBytesAsync(Path.Combine(samples, "ctf-namespaced-gender-bs7666.xml")));
        var plain = await world.RunFileAsync(ImportKind.Ctf, "ctf-plain-sex-addresslines.xml", await global::System.IO.File.ReadAllBytesAsync(Path.Combine(samples, "ctf-plain-sex-addresslines.xml")));

        Assert.Null(namespaced.FileError);
        Assert.Null(plain.FileError);
        Assert.Equal(1, namespaced.Created);
        Assert.True(plain.Created >= 1, $"{plain.Created} created, {plain.Rejected.Count} rejected");
        var chidi = await world.QueryAsync(db => db.YoungPeople.Include(p => p.Census).SingleAsync(p => p.Upn == "R820123423001"));
        Assert.Equal(("Chidi", "Okafor", Gender.M, "BAFR"), (chidi.GivenName, chidi.FamilyName, chidi.Gender, chidi.EthnicityCode));
        Assert.True(chidi.HasEhcPlan);
        Assert.Equal("ME1 1AA", chidi.Postcode);
        Assert.Equal("3 Example Road", chidi.AddressLine1);
        Assert.NotNull(chidi.Census);
        Assert.False(chidi.Census!.FreeSchoolMeals);
        var fromNamespaced = namespaced.Rows.Single().YoungPersonId!.Value;
        var other = await world.QueryAsync(db => db.YoungPeople.Include(p => p.Census).SingleAsync(p => p.Id == fromNamespaced));
        Assert.NotNull(other.Postcode);
        Assert.NotNull(other.Census);
    }

    public static TheoryData<string, string, ImportKind, string> HostileFiles => new()
    {
        { "external entity", "ctf.xml", ImportKind.Ctf, "<?xml version=\"1.0\"?><!DOCTYPE CTfile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><CTfile><CTFpupilData><Pupil><Surname>&x;</Surname></Pupil></CTFpupilData></CTfile>" },
        { "billion laughs", "ctf.xml", ImportKind.Ctf, "<?xml version=\"1.0\"?><!DOCTYPE CTfile [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><CTfile><CTFpupilData><Pupil><Surname>&c;</Surname></Pupil></CTFpupilData></CTfile>" },
        { "truncated XML", "ctf.xml", ImportKind.Ctf, "<?xml version=\"1.0\"?><CTfile><Header><CTFversion>26.0</CTFversion></Header><CTFpupilData><Pupil><Surname>Cut" },
        { "not a CSV", "roll.xlsx", ImportKind.Roll, "PK\u0003\u0004 this is a zip file, not a CSV" },
        { "required column missing", "roll.csv", ImportKind.Roll, "Forename,Postcode\nAda,OX1 1AA\n" },
    };

    [SkippableTheory]
    [MemberData(nameof(HostileFiles))]
    public async Task Commit_HostileOrBrokenFile_ClearErrorAndNothingWritten(string what, string fileName, ImportKind kind, string content)
    {
        await using var world = await World.CreateAsync(DatabaseProvider.Sqlite, "import_hostile");

        var outcome = await world.RunFileAsync(kind, fileName, global::System.Text.Encoding.UTF8.GetBytes(content));

        Assert.True(outcome.Refused, what);
        Assert.False(string.IsNullOrWhiteSpace(outcome.FileError));
        Assert.Equal(0, await world.QueryAsync(db => db.YoungPeople.CountAsync()));
        Assert.Equal(0, await world.QueryAsync(db => db.DataImports.CountAsync()));
    }

    [SkippableFact]
    public async Task Commit_FileOverTheSizeLimit_RefusedWithoutReading()
    {
        await using var world = await World.CreateAsync(DatabaseProvider.Sqlite, "import_oversize");
        var roll = "Forename,Surname,DOB\n" + string.Concat(Enumerable.Repeat("Ada,Lovelace,2010-01-01\n", 2000));

        var outcome = await world.RunFileAsync(ImportKind.Roll, "roll.csv", global::System.Text.Encoding.UTF8.GetBytes(roll), limits: new ImportLimits { MaxBytes = 10_000 });

        Assert.Contains("10,000 bytes", outcome.FileError, StringComparison.Ordinal);
        Assert.Equal(0, await world.QueryAsync(db => db.YoungPeople.CountAsync()));
    }

    [SkippableFact]
    public async Task Commit_BrokenRowsAmongGoodOnes_GoodRowsImportedEachBadRowReported()
    {
        await using var world = await World.CreateAsync(DatabaseProvider.Sqlite, "import_broken_rows");
        var roll = "UPN,Forename,Surname,DOB,Sex,SEN provision\n"
            + "A12345678901,Bad,Upn,2010-01-01,F,N\n"
            + ",Ragged,Row,2010-01-01\n"
            + ",\"Quoted, with comma\",\"Line\nbreak\",2010-01-02,F,K\n"
            + ",Future,Birth,2030-01-01,M,N\n"
            + ",Impossible,Date,2010-02-30,M,N\n"
            + ",Unknown,Code,2010-03-03,X,Q\n"
            + ",Good,Row,2010-04-04,F,E\n";

        var outcome = await world.RunFileAsync(ImportKind.Roll, "roll.csv", global::System.Text.Encoding.UTF8.GetBytes(roll));

        Assert.Null(outcome.FileError);
        Assert.True(outcome.Created == 2, string.Join("; ", outcome.Rows.Select(r => $"{r.Row} {r.Name} {r.Action}")) + " | " + string.Join("; ", outcome.Rejected.Select(r => $"{r.Row} {r.Field} {r.Value} {r.Reason}")));
        var rows = outcome.Rejected.Select(r => r.Row).Distinct().Order().ToList();
        Assert.Equal([2, 3, 6, 7, 8], rows);
        Assert.Contains(outcome.Rejected, r => r.Row == 2 && r.Field == "UPN" && r.Value == "A12345678901");
        Assert.Contains(outcome.Rejected, r => r.Row == 6 && r.Field == "DOB" && r.Value == "2030-01-01");
        Assert.Contains(outcome.Rejected, r => r.Row == 7 && r.Field == "DOB" && r.Value == "2010-02-30");
        Assert.Contains(outcome.Rejected, r => r.Row == 8 && r.Field == "Sex" && r.Value == "X");
        Assert.Equal(2, await world.QueryAsync(db => db.YoungPeople.CountAsync()));
        Assert.Equal("Line\nbreak", await world.QueryAsync(db => db.YoungPeople.Where(p => p.GivenName == "Quoted, with comma").Select(p => p.FamilyName).SingleAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Commit_SameNewPupilTwiceInOneFile_OneRecord(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider, "import_twice_in_file");
        var pupil = world.Pupil(2, "Gwen", "Once", Dob(5));

        var outcome = await world.RunAsync(File(ImportKind.Roll, pupil, pupil with { Row = 3, Email = "gwen@example.org" }));

        Assert.Equal(1, outcome.Created);
        Assert.Equal(1, outcome.Updated);
        var person = await world.QueryAsync(db => db.YoungPeople.SingleAsync());
        Assert.Equal("gwen@example.org", person.Email);
    }
}
