using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Nccis;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.TestCommon;

/// <summary>
/// Builds test records through the real model and services. Every record gets unique names and identifiers,
/// so tests can share a database without resetting it.
/// </summary>
public class TestData(IServiceProvider services, TimeProvider clock)
{
    public const string Password = "correct horse battery staple";
    private static int counter;

    public static int Next() => Interlocked.Increment(ref counter);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Organisation> CreateOrganisationAsync(OrganisationKind kind, string laCode = "931", string? name = null)
    {
        var n = Next();
        var organisation = new Organisation
        {
            Name = name ?? $"{kind} {n}",
            Kind = kind,
            LaCode = laCode,
            // URNs are unique across the database, and a shared test host makes many schools: the counter alone keeps them apart
            // (the demo LA's are 13xxxx and 14xxxx).
            Urn = kind == OrganisationKind.SchoolOrCollege ? $"9{n % 100_000:D5}" : null,
            EstablishmentNumber = kind == OrganisationKind.SchoolOrCollege ? $"{4000 + (n % 1000)}" : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    public async Task<YoungPerson> CreateYoungPersonAsync(Action<YoungPerson>? configure = null, int yearGroup = 11)
    {
        var n = Next();
        var (earliest, _) = AcademicAge.DateOfBirthRange(yearGroup, Today);
        var person = new YoungPerson
        {
            LocalId = $"{n:D10}",
            GivenName = $"Test{n}",
            FamilyName = $"Person{n}",
            DateOfBirth = earliest.AddDays(n % 300),
            Gender = n % 2 == 0 ? Gender.F : Gender.M,
            EthnicityCode = "WBRI",
            AddressLine1 = $"{n} Test Street",
            Town = "Oxford",
            Postcode = "OX4 3AB",
            LeadLaCode = "931",
            Upn = Upn.Create("931", "4001", 2015, n % 1000),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        configure?.Invoke(person);
        person.SearchName = NameSearch.Key(person.GivenName, person.FamilyName);
        person.PostcodeDistrict = person.Postcode is null ? null : Postcode.District(person.Postcode);
        foreach (var activity in person.Activities)
        {
            activity.YoungPersonId = person.Id;
            if (activity.RecordedAt == default)
            {
                activity.RecordedAt = clock.GetUtcNow().UtcDateTime;
            }
        }

        CurrentActivity.Apply(person, new CurrencyCalculator(new CurrencyOptions()));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        db.YoungPeople.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public async Task<WaypointUser> CreateUserAsync(WaypointRole role, Guid? organisationId = null, Guid? youngPersonId = null, string? email = null)
    {
        await using var scope = services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var n = Next();
        return await administration.AddUserAsync(Actor.System("test data"), new AddUserOptions(
            email ?? $"{role.ToString().ToLowerInvariant()}.{n}.{Guid.NewGuid():N}@test.waypoint.test",
            $"{role.DisplayName()} {n}",
            role,
            Password,
            organisationId,
            youngPersonId));
    }
}
