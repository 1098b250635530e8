using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Nccis;
using Waypoint.Core.Organisations;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Xunit.Abstractions;

namespace Waypoint.Core.Tests.Demo;

public class DemoDataGeneratorTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Now.UtcDateTime);
    private static readonly Lazy<DemoPopulation> Population = new(() => DemoDataGenerator.Generate(new DemoOptions(5000, 2026), Today));

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [Fact]
    public void Generate_SameSeed_GivesTheSamePeople()
    {
        var again = DemoDataGenerator.Generate(new DemoOptions(5000, 2026), Today);

        Assert.Equal(Population.Value.People.Select(p => (p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Upn)),
            again.People.Select(p => (p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Upn)));
    }

    [Fact]
    public void Generate_DemoLa_HasTheOrganisationsAndYearGroupsAsked()
    {
        var population = Population.Value;

        Assert.True(population.Schools.Count >= 6);
        Assert.True(population.Colleges.Count >= 2);
        Assert.Equal(OrganisationKind.LearningProvider, population.TrainingProvider.Kind);
        var byYear = population.People.GroupBy(p => AcademicAge.YearGroup(p.DateOfBirth, Today)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var year in Enumerable.Range(9, 5))
        {
            Assert.Equal(1000, byYear[year]);
        }

        Assert.All(population.People.Where(p => AcademicAge.YearGroup(p.DateOfBirth, Today) > 13), p => Assert.True(p.HasEhcPlan));
        Assert.True(population.People.Count(p => AcademicAge.YearGroup(p.DateOfBirth, Today) > 13) >= 100);
    }

    [Fact]
    public void Generate_Identifiers_AllPassTheirChecks()
    {
        var people = Population.Value.People;

        Assert.All(people, p => Assert.Null(Upn.Validate(p.Upn)));
        Assert.All(people.Where(p => p.Uln is not null), p => Assert.True(Uln.IsValid(p.Uln), p.Uln));
        Assert.All(people, p => Assert.True(Postcode.IsValid(p.Postcode), p.Postcode));
        Assert.Equal(people.Count, people.Select(p => p.Upn).Distinct().Count());
        Assert.All(people, p => Assert.False(p.HasEhcPlan && p.HasSenSupport));
        Assert.All(people.SelectMany(p => p.Activities), a => Assert.NotNull(ActivityCodes.Find(a.Code)));
    }

    /// <summary>Six schools allocate at most 999 UPNs a year each, which the 100,000-person benchmark outgrows.</summary>
    [Fact]
    public void Generate_MorePeopleThanTheSchoolsHaveUpnSerials_UpnsStayValidAndUnique()
    {
        var people = DemoDataGenerator.Generate(new DemoOptions(40_000, 1), Today).People;

        Assert.All(people, p => Assert.Null(Upn.Validate(p.Upn)));
        Assert.Equal(people.Count, people.Select(p => p.Upn).Distinct().Count());
    }

    /// <summary>shared/reference/roni.md: FSM about 2x as common among SEN pupils, FSM pupils about 2x as often persistently absent and about 4x as often suspended.</summary>
    [Fact]
    public void Generate_RiskFactors_CoOccurAsInTheNationalFigures()
    {
        var census = Population.Value.People.Select(p => (Person: p, Census: p.Census!)).ToList();
        double Rate<T>(IEnumerable<T> items, Func<T, bool> predicate)
        {
            var list = items.ToList();
            return (double)list.Count(predicate) / list.Count;
        }

        var fsm = Rate(census, c => c.Census.FreeSchoolMeals);
        var fsmAmongSen = Rate(census.Where(c => c.Person.HasEhcPlan || c.Person.HasSenSupport), c => c.Census.FreeSchoolMeals);
        var fsmAmongNoSen = Rate(census.Where(c => !c.Person.HasEhcPlan && !c.Person.HasSenSupport), c => c.Census.FreeSchoolMeals);
        var absentFsm = Rate(census.Where(c => c.Census.FreeSchoolMeals), c => c.Census.PersistentlyAbsent);
        var absentOther = Rate(census.Where(c => !c.Census.FreeSchoolMeals), c => c.Census.PersistentlyAbsent);
        var suspendedFsm = Rate(census.Where(c => c.Census.FreeSchoolMeals), c => c.Census.Suspensions > 0);
        var suspendedOther = Rate(census.Where(c => !c.Census.FreeSchoolMeals), c => c.Census.Suspensions > 0);
        var ehc = Rate(census, c => c.Person.HasEhcPlan && AcademicAge.YearGroup(c.Person.DateOfBirth, Today) <= 13);
        var post16 = Population.Value.People.Where(p => AcademicAge.YearGroup(p.DateOfBirth, Today) is 12 or 13).ToList();
        var neetOrNotKnown = Rate(post16, p => p.Activities.Any(a => ActivityCodes.Neet.Contains(a.Code) || ActivityCodes.NotKnown.Contains(a.Code)));
        output.WriteLine($"FSM {fsm:P1}; FSM among SEN {fsmAmongSen:P1} vs {fsmAmongNoSen:P1}; persistent absence FSM {absentFsm:P1} vs {absentOther:P1}; suspended FSM {suspendedFsm:P1} vs {suspendedOther:P1}; EHC {ehc:P1}; Y12-13 NEET or not known {neetOrNotKnown:P1}");

        Assert.InRange(fsm, 0.20, 0.32);
        Assert.InRange(fsmAmongSen / fsmAmongNoSen, 1.5, 3.0);
        Assert.InRange(absentFsm / absentOther, 1.5, 3.5);
        Assert.InRange(suspendedFsm / suspendedOther, 2.5, 7.0);
        Assert.InRange(neetOrNotKnown, 0.03, 0.10);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Seed_EmptyDatabase_WritesPeopleAndOneAccountPerRole(DatabaseProvider provider)
    {
        var clock = TestClock.Create();
        await using var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, "seed"), clock);
        await using var scope = services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();

        var result = await seeder.SeedAsync(Actor.System("test"), new DemoOptions(300, 7));

        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        Assert.Equal(result.People, await db.YoungPeople.CountAsync());
        Assert.Equal(DemoSeeder.Accounts.Count, await db.Users.CountAsync());
        Assert.Equal(1, await db.ParentLinks.CountAsync(l => l.ConsentGiven));
        var again = await Record.ExceptionAsync(() => seeder.SeedAsync(Actor.System("test"), new DemoOptions(300, 7)));
        Assert.IsType<InvalidOperationException>(again);
    }
}
