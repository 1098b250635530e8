using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tasks;
using Waypoint.TestCommon;

namespace Waypoint.Cli.Tests;

public class CaseworkCommandTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CaseloadAssignBySchool_ThenTasksExport_MovesThePupilsAndWritesTheirOpenFollowUps(DatabaseProvider provider)
    {
        // Arrange: the demo LA, a second adviser, and a follow-up for one pupil of a school
        var database = await TestDatabases.CreateMigratedAsync(provider, "cli_casework");
        Assert.Equal(0, (await CliRunner.RunAsync(database, "demo", "seed", "--people", "200", "--seed", "5")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(database, "users", "add", "--email", "second.adviser@test.waypoint.test", "--name", "Second Adviser",
            "--role", "personal-adviser", "--organisation", "931", "--password", "a long first password")).ExitCode);
        string urn;
        Guid pupil;
        await using (var db = database.CreateContext())
        {
            var school = await db.Organisations.Where(o => o.Kind == OrganisationKind.SchoolOrCollege && o.Urn != null && db.YoungPeople.Any(p => p.SchoolId == o.Id)).OrderBy(o => o.Urn).FirstAsync();
            urn = school.Urn!;
            pupil = await db.YoungPeople.Where(p => p.SchoolId == school.Id).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            db.FollowUpTasks.Add(new FollowUpTask { YoungPersonId = pupil, Kind = FollowUpKind.Manual, Title = "Talk about sixth form, options evening", DueOn = new DateOnly(2026, 12, 1), CreatedAt = TestClock.Now.UtcDateTime });
            await db.SaveChangesAsync();
        }

        var output = Path.Combine(Path.GetTempPath(), $"tasks-{Guid.NewGuid():N}.csv");

        // Act
        var noRule = await CliRunner.RunAsync(database, "caseload", "assign", "--adviser", "second.adviser@test.waypoint.test");
        var unknown = await CliRunner.RunAsync(database, "caseload", "assign", "--adviser", "nobody@test.waypoint.test", "--rule", "send");
        var assign = await CliRunner.RunAsync(database, "caseload", "assign", "--adviser", "second.adviser@test.waypoint.test", "--rule", "school", "--school", urn);
        var export = await CliRunner.RunAsync(database, "tasks", "export", "--adviser", "second.adviser@test.waypoint.test", "--output", output);

        // Assert
        Assert.Equal(2, noRule.ExitCode);
        Assert.Contains("Give --rule or at least one --young-person", noRule.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No personal adviser has the email address nobody@test.waypoint.test", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(0, assign.ExitCode);
        await using var check = database.CreateContext();
        var adviser = await check.Users.SingleAsync(u => u.Email == "second.adviser@test.waypoint.test");
        var schoolId = await check.Organisations.Where(o => o.Urn == urn).Select(o => o.Id).SingleAsync();
        var pupils = await check.YoungPeople.CountAsync(p => p.SchoolId == schoolId);
        Assert.Equal(pupils, await check.YoungPeople.CountAsync(p => p.SchoolId == schoolId && p.AdviserUserId == adviser.Id));
        Assert.Contains($"Assigned {pupils:N0} young", assign.Output, StringComparison.Ordinal);
        Assert.Equal(pupils, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.AdviserAssigned && e.Details!.Contains(adviser.Id.ToString())));
        Assert.Equal(0, export.ExitCode);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("due_on,kind,title,young_person_id,local_id,name,date_of_birth", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2026-12-01,Manual,\"Talk about sixth form, options evening\"," + pupil, StringComparison.Ordinal));
        Assert.Single(await check.AuditEvents.Where(e => e.Action == AuditActions.TasksExported).ToListAsync());
    }
}
