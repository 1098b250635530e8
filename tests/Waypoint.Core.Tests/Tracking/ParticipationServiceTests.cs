using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tasks;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Tracking;

public class ParticipationServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private sealed record World(ServiceProvider Services, TestData Data, Organisation La, Actor Officer, WaypointUser Adviser, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock) : IAsyncDisposable
    {
        public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = Services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static async Task<World> CreateWorldAsync(DatabaseProvider provider, string name)
    {
        var clock = TestClock.Create();
        var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, name), clock);
        var data = new TestData(services, clock);
        var la = await data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var officer = await data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var adviser = await data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        return new World(services, data, la, new Actor(officer.Id, officer.Email!, WaypointRole.TrackingOfficer, la.Id, "931", null), adviser, clock);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task RecordActivity_BecomesNeetOnAFriday_FollowUpDueFiveWorkingDaysLater(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "neet_followup");
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));
        var person = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.AdviserUserId = world.Adviser.Id;
            p.Activities.Add(new Activity { Code = "230", StartDate = new(2026, 9, 7), DateAscertained = new(2026, 9, 7), PredictedEndDate = new(2027, 7, 31), Source = "College" });
        }, yearGroup: 12);

        var activity = await world.InScopeAsync(sp => sp.GetRequiredService<ParticipationService>().RecordActivityAsync(world.Officer,
            new RecordActivityOptions(person.Id, person.Version, new ActivityEntry("619", new(2026, 11, 20), null, null, null, null, new(2026, 11, 20), null, null), null, "Phone call")));

        await using var db = world.Services.CreateScope().ServiceProvider.GetRequiredService<WaypointDbContext>();
        var task = await db.FollowUpTasks.SingleAsync(t => t.YoungPersonId == person.Id);
        Assert.Equal(FollowUpKind.BecameNeet, task.Kind);
        Assert.Equal(world.Adviser.Id, task.AssignedToUserId);
        Assert.Equal(new DateOnly(2026, 12, 4), task.DueOn);
        var saved = await db.YoungPeople.SingleAsync(p => p.Id == person.Id);
        Assert.Equal("619", saved.CurrentActivityCode);
        Assert.Equal(activity.Id, saved.CurrentActivityId);
        Assert.NotEqual(person.Version, saved.Version);
        var audit = await db.AuditEvents.SingleAsync(e => e.YoungPersonId == person.Id && e.Action == AuditActions.ActivityRecorded);
        Assert.Contains("\"previousCode\":\"230\"", audit.Details, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task RecordActivity_BreaksAnEntryRule_NothingWritten(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "rule_break");
        var person = await world.Data.CreateYoungPersonAsync(yearGroup: 12);

        var exception = await Record.ExceptionAsync(() => world.InScopeAsync(sp => sp.GetRequiredService<ParticipationService>().RecordActivityAsync(world.Officer,
            new RecordActivityOptions(person.Id, person.Version, new ActivityEntry("620", new(2026, 11, 2), null, null, null, null, new(2026, 11, 2), null, null), null, "Phone call"))));

        var violation = Assert.Single(Assert.IsType<RuleViolationException>(exception).Violations);
        Assert.Equal(233, violation.NccisError);
        await using var db = world.Services.CreateScope().ServiceProvider.GetRequiredService<WaypointDbContext>();
        Assert.Empty(await db.Activities.Where(a => a.YoungPersonId == person.Id).ToListAsync());
        Assert.Empty(await db.FollowUpTasks.Where(t => t.YoungPersonId == person.Id).ToListAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task UpdateDetails_StaleVersion_ConflictAuditedAndNothingChanged(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "stale");
        var person = await world.Data.CreateYoungPersonAsync();
        UpdateDetailsOptions Edit(string phone) => new(person.Id, person.Version, person.GivenName, null, person.FamilyName, null, null, person.DateOfBirth, person.Gender,
            person.EthnicityCode, person.AddressLine1, null, person.Town, person.Postcode, null, phone, null, person.Upn, null, 3, false, false);

        await world.InScopeAsync(async sp => { await sp.GetRequiredService<ParticipationService>().UpdateDetailsAsync(world.Officer, Edit("07700 900001")); return 0; });
        var second = await Record.ExceptionAsync(() => world.InScopeAsync(async sp => { await sp.GetRequiredService<ParticipationService>().UpdateDetailsAsync(world.Officer, Edit("07700 900002")); return 0; }));

        Assert.IsType<ConcurrencyConflictException>(second);
        await using var db = world.Services.CreateScope().ServiceProvider.GetRequiredService<WaypointDbContext>();
        Assert.Equal("07700 900001", await db.YoungPeople.Where(p => p.Id == person.Id).Select(p => p.Phone).SingleAsync());
        var actions = await db.AuditEvents.Where(e => e.YoungPersonId == person.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.YoungPersonUpdated, AuditActions.UpdateConflict], actions);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ChangeCohortStatus_TransferWithoutAValidLa_RefusedThenAcceptedWithHistory(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "cohort");
        var person = await world.Data.CreateYoungPersonAsync(yearGroup: 12);
        Task Change(CohortStatus status, string? to) => world.InScopeAsync(async sp =>
        {
            var version = await sp.GetRequiredService<ParticipationService>().CurrentVersionAsync(world.Officer, person.Id);
            await sp.GetRequiredService<ParticipationService>().ChangeCohortStatusAsync(world.Officer, new ChangeCohortStatusOptions(person.Id, version!.Value, status, "Moved with family", new(2026, 11, 20), to));
            return 0;
        });

        var toItself = await Record.ExceptionAsync(() => Change(CohortStatus.T, "931"));
        var toUnknown = await Record.ExceptionAsync(() => Change(CohortStatus.T, "004"));
        var leftWithLaCode = await Record.ExceptionAsync(() => Change(CohortStatus.E, "886"));
        await Change(CohortStatus.T, "886");

        Assert.Equal(42, Assert.IsType<RuleViolationException>(toItself).Violations[0].NccisError);
        Assert.Equal(35, Assert.IsType<RuleViolationException>(toUnknown).Violations[0].NccisError);
        Assert.Equal(35, Assert.IsType<RuleViolationException>(leftWithLaCode).Violations[0].NccisError);
        await using var db = world.Services.CreateScope().ServiceProvider.GetRequiredService<WaypointDbContext>();
        var saved = await db.YoungPeople.Include(p => p.CohortStatusChanges).SingleAsync(p => p.Id == person.Id);
        Assert.Equal(CohortStatus.T, saved.CohortStatus);
        Assert.Equal("886", saved.TransferredToLaCode);
        var change = Assert.Single(saved.CohortStatusChanges);
        Assert.Equal((CohortStatus.P, CohortStatus.T, "Moved with family"), (change.From, change.To, change.Reason));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Transfer_ExportedByOneLaAndImportedByAnother_KeepsPreviousIdAndHistory(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "transfer");
        var person = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.Activities.Add(new Activity { Code = "230", StartDate = new(2026, 9, 7), DateAscertained = new(2026, 9, 7), PredictedEndDate = new(2027, 7, 31), Source = "College" });
            p.Characteristics.Add(new Characteristic { Code = "140", StartDate = new(2025, 1, 1) });
        }, yearGroup: 12);
        var kent = await world.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "886");
        var kentOfficer = new Actor(Guid.NewGuid(), "kent@test", WaypointRole.TrackingOfficer, kent.Id, "886", null);

        var summary = await world.InScopeAsync(sp => sp.GetRequiredService<TransferService>().ExportAsync(world.Officer, person.Id));
        var first = await world.InScopeAsync(sp => sp.GetRequiredService<TransferService>().ImportAsync(kentOfficer, summary!));
        var again = await world.InScopeAsync(sp => sp.GetRequiredService<TransferService>().ImportAsync(kentOfficer, summary!));

        Assert.Equal("931" + person.LocalId, summary!.YoungPersonsId);
        Assert.False(first.Matched);
        Assert.True(again.Matched);
        Assert.Equal(first.YoungPersonId, again.YoungPersonId);
        await using var db = world.Services.CreateScope().ServiceProvider.GetRequiredService<WaypointDbContext>();
        var received = await db.YoungPeople.Include(p => p.Activities).Include(p => p.Characteristics).SingleAsync(p => p.Id == first.YoungPersonId);
        Assert.Equal("886", received.LeadLaCode);
        Assert.Equal(summary.YoungPersonsId, received.PreviousYoungPersonsId);
        Assert.Equal("230", received.CurrentActivityCode);
        Assert.Single(received.Activities);
        Assert.Equal(["140"], received.Characteristics.Select(c => c.Code));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CreateLapsedFollowUps_WhenCurrencyLapses_OneTaskPerLapseEvenIfRunTwice(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "lapse");
        var person = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.AdviserUserId = world.Adviser.Id;
            p.Activities.Add(new Activity { Code = "330", StartDate = new(2026, 5, 1), DateAscertained = new(2026, 5, 25), Source = "Phone call" });
        }, yearGroup: 13);
        Assert.Equal(new DateOnly(2026, 11, 25), person.CurrentDueToLapse);

        var before = await world.InScopeAsync(sp => sp.GetRequiredService<ParticipationService>().CreateLapsedFollowUpsAsync(Actor.System("test")));
        world.Clock.Advance(TimeSpan.FromDays(2));
        var onTheDay = await world.InScopeAsync(sp => sp.GetRequiredService<ParticipationService>().CreateLapsedFollowUpsAsync(Actor.System("test")));
        var again = await world.InScopeAsync(sp => sp.GetRequiredService<ParticipationService>().CreateLapsedFollowUpsAsync(Actor.System("test")));

        Assert.Equal(0, before);
        Assert.True(onTheDay >= 1);
        Assert.Equal(0, again);
        await using var db = world.Services.CreateScope().ServiceProvider.GetRequiredService<WaypointDbContext>();
        var task = await db.FollowUpTasks.SingleAsync(t => t.YoungPersonId == person.Id);
        Assert.Equal(FollowUpKind.BecameNotKnown, task.Kind);
        Assert.Equal(world.Adviser.Id, task.AssignedToUserId);
    }
}
