using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Reports;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Demo;

public sealed record DemoAccount(string Email, string DisplayName, WaypointRole Role);

public sealed record DemoSeedResult(int Organisations, int People, int Activities, IReadOnlyList<DemoAccount> Accounts);

/// <summary>Writes a generated demo LA and one sign-in account per role into an empty database.</summary>
public class DemoSeeder(WaypointDbContext db, UserAdministration userAdministration, AuditTrail audit, TimeProvider clock, NccisSnapshotService snapshots, NccisReportOptions reportOptions, Risk.RiskService risk, Careers.CareersDemo careersDemo)
{
    /// <summary>Every demo account shares this password; it is printed at start-up in demo mode only.</summary>
    public const string DemoPassword = "demo-waypoint-2026";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("la.admin@demo.waypoint.test", "Alex Morgan", WaypointRole.LaAdministrator),
        new("tracking@demo.waypoint.test", "Sam Patel", WaypointRole.TrackingOfficer),
        new("adviser@demo.waypoint.test", "Jo Okafor", WaypointRole.PersonalAdviser),
        new("careers.leader@demo.waypoint.test", "Priya Shah", WaypointRole.CareersLeader),
        new("school.staff@demo.waypoint.test", "Tom Hughes", WaypointRole.SchoolStaff),
        new("provider@demo.waypoint.test", "Grace Bennett", WaypointRole.ProviderStaff),
        new("young.person@demo.waypoint.test", "Demo young person", WaypointRole.YoungPerson),
        new("parent@demo.waypoint.test", "Chris Parent", WaypointRole.ParentOrCarer),
    ];

    public async Task<bool> IsSeededAsync(CancellationToken cancellationToken = default) =>
        await db.Organisations.AnyAsync(cancellationToken);

    public async Task<DemoSeedResult> SeedAsync(Actor actor, DemoOptions options, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        if (await IsSeededAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds organisations; demo data is only seeded into an empty database.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var population = DemoDataGenerator.Generate(options, today);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                db.Organisations.AddRange(population.Organisations);
                var prospectus = DemoProspectus.Generate(population, today, options.Seed);
                db.Organisations.AddRange(prospectus.Employers);
                db.Courses.AddRange(prospectus.Courses);
                await db.SaveChangesAsync(cancellationToken);
                const int batchSize = 1000;
                for (var i = 0; i < population.People.Count; i += batchSize)
                {
                    db.YoungPeople.AddRange(population.People.Skip(i).Take(batchSize));
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    progress?.Report((Math.Min(i + batchSize, population.People.Count), population.People.Count));
                }

                audit.Add(actor, AuditActions.DemoSeeded, details: new { options.People, options.Seed, total = population.People.Count });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        await AddAccountsAsync(actor, population, today, cancellationToken);

        // Past month ends worked out from the generated history, so the NCCIS measures dashboard has months to show at once.
        await snapshots.TakeManyAsync(actor, options.LaCode, NccisSnapshotService.MonthEndsBefore(today, reportOptions.DemoSnapshotMonths), cancellationToken);
        await risk.SeedDemoAsync(actor, options.LaCode, options.Seed, cancellationToken);
        await careersDemo.SeedAsync(actor, options.LaCode, population.Schools, options.Seed, cancellationToken);
        return new DemoSeedResult(population.Organisations.Count(), population.People.Count, population.People.Sum(p => p.Activities.Count), Accounts);
    }

    private async Task AddAccountsAsync(Actor actor, DemoPopulation population, DateOnly today, CancellationToken cancellationToken)
    {
        var school = population.Schools[0];
        var yearEleven = population.People.First(p => p.SchoolId == school.Id && AcademicAge.YearGroup(p.DateOfBirth, today) == 11 && !p.HasEhcPlan);
        Guid? OrganisationFor(WaypointRole role) => role switch
        {
            WaypointRole.LaAdministrator or WaypointRole.TrackingOfficer => population.LocalAuthority.Id,
            WaypointRole.PersonalAdviser => population.CareersService.Id,
            WaypointRole.CareersLeader or WaypointRole.SchoolStaff => school.Id,
            WaypointRole.ProviderStaff => population.Colleges[0].Id,
            _ => null,
        };

        WaypointUser? parent = null;
        WaypointUser? adviser = null;
        foreach (var account in Accounts)
        {
            var displayName = account.Role == WaypointRole.YoungPerson ? yearEleven.DisplayName : account.DisplayName;
            var user = await userAdministration.AddUserAsync(actor, new AddUserOptions(
                account.Email, displayName, account.Role, DemoPassword, OrganisationFor(account.Role),
                account.Role == WaypointRole.YoungPerson ? yearEleven.Id : null, SendWelcomeEmail: false), cancellationToken);
            if (account.Role == WaypointRole.ParentOrCarer)
            {
                parent = user;
            }

            if (account.Role == WaypointRole.PersonalAdviser)
            {
                adviser = user;
            }
        }

        // The demo adviser's caseload: everyone from Year 11 up, so their follow-ups and work lists have people in them.
        var (_, yearElevenLatest) = AcademicAge.DateOfBirthRange(11, today);
        var adviserId = adviser!.Id;
        await db.YoungPeople.Where(p => p.DateOfBirth <= yearElevenLatest)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.AdviserUserId, adviserId), cancellationToken);

        // The demo adviser is qualified to level 6, so the guidance interviews they record in casework count towards
        // the schools' personal guidance measures (Benchmark 8); a third of the first school's Year 11 have had one.
        db.AdviserQualifications.Add(new Casework.AdviserQualification
        {
            UserId = adviserId,
            Level = 6,
            Title = "Level 6 Diploma in Career Guidance and Development",
            AwardedOn = new DateOnly(2019, 7, 15),
        });
        var (yearElevenEarliest, _) = AcademicAge.DateOfBirthRange(11, today);
        var interviewees = population.People
            .Where(p => p.SchoolId == school.Id && p.DateOfBirth >= yearElevenEarliest && p.DateOfBirth <= yearElevenLatest)
            .OrderBy(p => p.Id).Where((_, i) => i % 3 == 0).ToList();
        for (var i = 0; i < interviewees.Count; i++)
        {
            db.CaseContacts.Add(new Casework.CaseContact
            {
                YoungPersonId = interviewees[i].Id,
                OccurredOn = today.AddDays(-7 - (i % 50)),
                Channel = Casework.ContactChannel.FaceToFace,
                Type = Casework.ContactType.GuidanceInterview,
                DurationMinutes = 45,
                Location = school.Name,
                Outcome = "Post-16 options talked through; next steps agreed in the action plan.",
                RecordedByUserId = adviserId,
                RecordedByName = adviser.DisplayName,
                RecordedAt = clock.GetUtcNow().UtcDateTime,
            });
        }

        db.ParentLinks.Add(new ParentLink
        {
            ParentUserId = parent!.Id,
            YoungPersonId = yearEleven.Id,
            Relationship = "Parent",
            ConsentGiven = true,
            ConsentRecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
