using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Access;

public class YoungPersonAccessTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task VisibleTo_EachRole_SeesOnlyThePeopleItIsResponsibleFor(DatabaseProvider provider)
    {
        // Arrange
        var clock = TestClock.Create();
        await using var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, "access"), clock);
        var data = new TestData(services, clock);
        var la = await data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "931");
        var schoolA = await data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "931");
        var schoolB = await data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "931");
        var pupilA = await data.CreateYoungPersonAsync(p => p.SchoolId = schoolA.Id);
        var pupilB = await data.CreateYoungPersonAsync(p => p.SchoolId = schoolB.Id);
        var otherLa = await data.CreateYoungPersonAsync(p => p.LeadLaCode = "886");
        var parent = await data.CreateUserAsync(WaypointRole.ParentOrCarer);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            db.ParentLinks.Add(new ParentLink { ParentUserId = parent.Id, YoungPersonId = pupilA.Id, Relationship = "Mother", ConsentGiven = true });
            db.ParentLinks.Add(new ParentLink { ParentUserId = parent.Id, YoungPersonId = pupilB.Id, Relationship = "Mother", ConsentGiven = false });
            await db.SaveChangesAsync();
        }

        var mine = new[] { pupilA.Id, pupilB.Id, otherLa.Id };
        async Task<Guid[]> VisibleAsync(Actor actor)
        {
            await using var scope = services.CreateAsyncScope();
            var access = scope.ServiceProvider.GetRequiredService<YoungPersonAccess>();
            return await access.VisibleTo(actor).Where(p => mine.Contains(p.Id)).Select(p => p.Id).OrderBy(id => id).ToArrayAsync();
        }

        // Act and assert
        Assert.Equal(new[] { pupilA.Id, pupilB.Id }.Order(), await VisibleAsync(new Actor(Guid.NewGuid(), "t", WaypointRole.TrackingOfficer, la.Id, "931", null)));
        Assert.Equal([pupilA.Id], await VisibleAsync(new Actor(Guid.NewGuid(), "c", WaypointRole.CareersLeader, schoolA.Id, "931", null)));
        Assert.Equal([pupilB.Id], await VisibleAsync(new Actor(Guid.NewGuid(), "s", WaypointRole.SchoolStaff, schoolB.Id, "931", null)));
        Assert.Equal([otherLa.Id], await VisibleAsync(new Actor(Guid.NewGuid(), "a", WaypointRole.PersonalAdviser, Guid.NewGuid(), "886", null)));
        Assert.Equal([pupilA.Id], await VisibleAsync(new Actor(Guid.NewGuid(), "y", WaypointRole.YoungPerson, null, null, pupilA.Id)));
        Assert.Equal([pupilA.Id], await VisibleAsync(new Actor(parent.Id, "p", WaypointRole.ParentOrCarer, null, null, null)));
        Assert.Empty(await VisibleAsync(Actor.System("nobody")));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task OpenAsync_RecordOfAnotherSchool_DeniedAndAudited(DatabaseProvider provider)
    {
        var clock = TestClock.Create();
        await using var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, "access_open"), clock);
        var data = new TestData(services, clock);
        var schoolA = await data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var schoolB = await data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var pupilB = await data.CreateYoungPersonAsync(p => p.SchoolId = schoolB.Id);
        var staffA = new Actor(Guid.NewGuid(), "staff.a@test", WaypointRole.SchoolStaff, schoolA.Id, "931", null);
        await using var scope = services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<YoungPersonAccess>();

        var result = await access.OpenAsync(staffA, pupilB.Id, "test");

        Assert.Equal(AccessOutcome.Denied, result.Outcome);
        Assert.Null(result.Value);
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var entry = await db.AuditEvents.SingleAsync(e => e.UserId == staffA.UserId);
        Assert.Equal(AuditActions.AccessDenied, entry.Action);
        Assert.Equal(AuditOutcome.Denied, entry.Outcome);
        Assert.Equal(pupilB.Id, entry.YoungPersonId);
    }
}
