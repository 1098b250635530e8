using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Matching;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tasks;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Matching;

public class DuplicateServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task FindThenMerge_TypoDuplicate_AbsorbedBecomesMAndKeptGainsItsHistory(DatabaseProvider provider)
    {
        var clock = TestClock.Create();
        await using var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, "duplicates"), clock);
        var data = new TestData(services, clock);
        var la = await data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var officer = await data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var actor = new Actor(officer.Id, officer.Email!, WaypointRole.TrackingOfficer, la.Id, "931", null);
        var kept = await data.CreateYoungPersonAsync(p =>
        {
            p.GivenName = "Jonathan";
            p.FamilyName = "Okafor";
            p.Uln = null;
            p.Activities.Add(new Activity { Code = "110", StartDate = new(2025, 9, 1), DateAscertained = new(2025, 9, 1), Source = "School" });
        });
        var absorbed = await data.CreateYoungPersonAsync(p =>
        {
            p.GivenName = "Jonathon";
            p.FamilyName = "Okafor";
            p.DateOfBirth = kept.DateOfBirth;
            p.Gender = kept.Gender;
            p.Postcode = kept.Postcode;
            p.Upn = null;
            p.Uln = "1234567890";
            p.Activities.Add(new Activity { Code = "619", StartDate = new(2026, 10, 1), DateAscertained = new(2026, 10, 1), NeetStartDate = new(2026, 10, 1), Source = "Adviser" });
        });
        await data.CreateYoungPersonAsync(p => p.GivenName = "Someone");
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            db.FollowUpTasks.Add(new FollowUpTask { YoungPersonId = absorbed.Id, Kind = FollowUpKind.Manual, Title = "Call", DueOn = new(2026, 12, 1), CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        IReadOnlyList<DuplicatePair> pairs;
        MergeResult result;
        await using (var scope = services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<DuplicateService>();
            pairs = await service.FindAsync(actor);
            result = await service.MergeAsync(actor, kept.Id, absorbed.Id, "same person, name misspelt at college");
        }

        var pair = Assert.Single(pairs);
        Assert.Equal((kept.Id, absorbed.Id), (pair.First, pair.Second));
        Assert.Equal(NameAgreement.Similar, pair.Score.GivenName);
        Assert.Equal(1, result.ActivitiesCopied);
        Assert.Equal(1, result.TasksMoved);
        await using var check = services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var people = await db2.YoungPeople.Include(p => p.Activities).ToDictionaryAsync(p => p.Id);
        Assert.Equal(CohortStatus.M, people[absorbed.Id].CohortStatus);
        Assert.Equal(kept.Id, people[absorbed.Id].MergedIntoYoungPersonId);
        Assert.Single(people[absorbed.Id].Activities);
        Assert.Equal(2, people[kept.Id].Activities.Count);
        Assert.Equal("619", people[kept.Id].CurrentActivityCode);
        Assert.Equal("1234567890", people[kept.Id].Uln);
        Assert.Equal(kept.Id, (await db2.FollowUpTasks.SingleAsync()).YoungPersonId);
        Assert.Equal(2, await db2.AuditEvents.CountAsync(a => a.Action == Audit.AuditActions.DuplicatesMerged));
        await using var again = services.CreateAsyncScope();
        Assert.Empty(await again.ServiceProvider.GetRequiredService<DuplicateService>().FindAsync(actor));
    }
}
