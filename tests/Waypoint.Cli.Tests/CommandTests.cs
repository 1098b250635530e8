using Microsoft.EntityFrameworkCore;
using Npgsql;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Users;
using Waypoint.TestCommon;

namespace Waypoint.Cli.Tests;

public class CommandTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableFact]
    public async Task DbMigrate_EmptyPostgresDatabase_CreatesTheSchema()
    {
        var database = TestDatabases.Create(DatabaseProvider.Postgres, "cli_migrate");

        var first = await CliRunner.RunAsync(database, "db", "migrate");
        var second = await CliRunner.RunAsync(database, "db", "migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("applied", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('young_people', 'activities', 'audit_events', 'organisations')", connection);
        Assert.Equal(4L, await command.ExecuteScalarAsync());
        await using var db = database.CreateContext();
        Assert.Single(await db.AuditEvents.Where(e => e.Action == AuditActions.DatabaseMigrated).ToListAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DemoSeedThenUsersAdd_MigratedDatabase_WritesPeopleAndAnAccount(DatabaseProvider provider)
    {
        var database = await TestDatabases.CreateMigratedAsync(provider, "cli_seed");

        var seed = await CliRunner.RunAsync(database, "demo", "seed", "--people", "200", "--seed", "11");
        var again = await CliRunner.RunAsync(database, "demo", "seed", "--people", "200");
        var add = await CliRunner.RunAsync(database, "users", "add", "--email", "new.officer@test.waypoint.test", "--name", "New Officer",
            "--role", "tracking-officer", "--organisation", "931", "--password", "a long first password");
        var duplicate = await CliRunner.RunAsync(database, "users", "add", "--email", "new.officer@test.waypoint.test", "--name", "New Officer",
            "--role", "tracking-officer", "--organisation", "931", "--password", "a long first password");

        Assert.Equal(0, seed.ExitCode);
        Assert.Contains("206 of 206 young people written", seed.Output.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already has organisations", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, add.ExitCode);
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("already taken", duplicate.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(206, await db.YoungPeople.CountAsync());
        var user = await db.Users.SingleAsync(u => u.Email == "new.officer@test.waypoint.test");
        Assert.Equal(WaypointRole.TrackingOfficer, user.Role);
        Assert.Equal(DemoSeeder.Accounts.Count + 1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.UserCreated));
    }

    [Fact]
    public async Task DemoSeed_UnmigratedDatabase_ExplainsWhatToRun()
    {
        var database = TestDatabases.Create(DatabaseProvider.Sqlite, "cli_unmigrated");

        var result = await CliRunner.RunAsync(database, "demo", "seed", "--people", "50");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Run 'waypoint db migrate' first", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "users", "add", "--email", "a@b.test", "--name", "A", "--role", "wizard", "--organisation", "931", "--password", "long enough pass" }, "--role 'wizard' is not a staff role")]
    [InlineData(new[] { "users", "add", "--email", "a@b.test", "--name", "A", "--role", "young-person", "--organisation", "931", "--password", "long enough pass" }, "is not a staff role")]
    [InlineData(new[] { "users", "add", "--name", "A", "--role", "tracking-officer", "--organisation", "931", "--password", "long enough pass" }, "--email")]
    [InlineData(new[] { "users", "add", "--email", "a@b.test", "--name", "A", "--role", "tracking-officer", "--organisation", "931" }, "Give exactly one of --password or --password-stdin")]
    [InlineData(new[] { "demo", "seed", "--people", "5" }, "--people must be between 10 and 2,000,000")]
    [InlineData(new[] { "demo", "seed", "--people", "many" }, "many")]
    [InlineData(new[] { "nonsense" }, "nonsense")]
    public async Task Parse_BadArguments_ExitCode2WithTheProblem(string[] args, string expected)
    {
        var result = await CliRunner.RunAsync(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
