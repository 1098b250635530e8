using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Casework;
using Waypoint.Core.Data;
using Waypoint.Core.Tasks;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;

namespace Waypoint.Cli;

public static partial class Commands
{
    private static Command CreateCaseloadCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var caseload = new Command("caseload", "Advisers' caseloads.");
        var adviser = new Option<string>("--adviser") { Description = "The adviser's email address.", Required = true };
        var rule = new Option<string?>("--rule") { Description = "Who to assign: school (with --school), neet, send, or level-of-need (with --level)." };
        rule.AcceptOnlyFromAmong("school", "neet", "send", "level-of-need");
        var school = new Option<string?>("--school") { Description = "The school's URN or ID, for --rule school." };
        var level = new Option<int?>("--level") { Description = "Assign young people at this level of need or higher (1 is the highest), for --rule level-of-need." };
        var people = new Option<string[]>("--young-person") { Description = "A young person's ID; repeat for several. With --rule, only those who also match it.", AllowMultipleArgumentsPerToken = true };
        var onlyUnassigned = new Option<bool>("--only-unassigned") { Description = "Leave young people who already have an adviser where they are." };
        var assign = new Command("assign", "Assign young people to an adviser in bulk, by school, by rule or by ID; each change is audited.") { adviser, rule, school, level, people, onlyUnassigned };
        assign.Validators.Add(result =>
        {
            var chosen = result.GetValue(rule);
            if (chosen is null && (result.GetValue(people) ?? []).Length == 0)
            {
                result.AddError("Give --rule or at least one --young-person.");
            }

            if (chosen == "school" && result.GetValue(school) is null)
            {
                result.AddError("--rule school needs --school.");
            }

            if (chosen == "level-of-need" && result.GetValue(level) is not (>= 1 and <= 3))
            {
                result.AddError("--rule level-of-need needs --level 1, 2 or 3.");
            }
        });
        assign.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            var adviserId = await AdviserIdAsync(db, parse.GetValue(adviser)!, cancellationToken);
            Guid? schoolId = null;
            if (parse.GetValue(school) is { } key)
            {
                var matches = await db.Organisations.Where(o => o.Kind == Core.Organisations.OrganisationKind.SchoolOrCollege && (o.Urn == key || o.Id.ToString() == key))
                    .Select(o => o.Id).Take(2).ToListAsync(cancellationToken);
                schoolId = matches.Count == 1 ? matches[0] : throw new CommandFailedException($"No single school matches '{key}'.");
            }

            CaseloadRule? parsedRule = parse.GetValue(rule) switch
            {
                "school" => CaseloadRule.School,
                "neet" => CaseloadRule.Neet,
                "send" => CaseloadRule.Send,
                "level-of-need" => CaseloadRule.LevelOfNeed,
                _ => null,
            };
            var ids = new List<Guid>();
            foreach (var id in parse.GetValue(people) ?? [])
            {
                ids.Add(Guid.TryParse(id, out var g) ? g : throw new CommandFailedException($"'{id}' is not a young person's ID."));
            }

            try
            {
                var count = await scope.ServiceProvider.GetRequiredService<CaseloadService>().AssignAsync(context.Actor,
                    new AssignCaseloadOptions(adviserId, parsedRule, schoolId, parse.GetValue(level), ids.Count > 0 ? ids : null, parse.GetValue(onlyUnassigned)), cancellationToken);
                await context.Output.WriteLineAsync($"Assigned {count:N0} young {(count == 1 ? "person" : "people")} to {parse.GetValue(adviser)}.");
            }
            catch (RuleViolationException ex)
            {
                throw new CommandFailedException(ex.Message);
            }

            return Success;
        });
        caseload.Subcommands.Add(assign);

        var from = new Option<string>("--from") { Description = "The leaving adviser's email address.", Required = true };
        var to = new Option<string>("--to") { Description = "The email address of the adviser who takes the caseload on.", Required = true };
        var transfer = new Command("transfer", "Move every young person and open follow-up of one adviser to another.") { from, to };
        transfer.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            var fromId = await AdviserIdAsync(db, parse.GetValue(from)!, cancellationToken);
            var toId = await AdviserIdAsync(db, parse.GetValue(to)!, cancellationToken);
            try
            {
                var count = await scope.ServiceProvider.GetRequiredService<CaseloadService>().TransferAsync(context.Actor, fromId, toId, cancellationToken);
                await context.Output.WriteLineAsync($"Transferred {count:N0} young {(count == 1 ? "person" : "people")} from {parse.GetValue(from)} to {parse.GetValue(to)}.");
            }
            catch (RuleViolationException ex)
            {
                throw new CommandFailedException(ex.Message);
            }

            return Success;
        });
        caseload.Subcommands.Add(transfer);
        return caseload;
    }

    private static Command CreateTasksCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var tasks = new Command("tasks", "Advisers' follow-ups.");
        var adviser = new Option<string>("--adviser") { Description = "The adviser's email address.", Required = true };
        var output = new Option<FileInfo?>("--output") { Description = "CSV file to write; standard output when left out." };
        var export = new Command("export", "Export an adviser's open follow-ups as CSV, earliest due first (audited).") { adviser, output };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            var adviserId = await AdviserIdAsync(db, parse.GetValue(adviser)!, cancellationToken);
            var exporter = scope.ServiceProvider.GetRequiredService<TaskExport>();
            if (parse.GetValue(output) is { } file)
            {
                var partial = file.FullName + ".partial";
                int count;
                await using (var writer = new StreamWriter(partial))
                {
                    count = await exporter.WriteCsvAsync(context.Actor, adviserId, writer, cancellationToken);
                }

                File.Move(partial, file.FullName, overwrite: true);
                await context.Output.WriteLineAsync($"Wrote {count:N0} open follow-ups to {file.FullName}.");
            }
            else
            {
                await exporter.WriteCsvAsync(context.Actor, adviserId, context.Output, cancellationToken);
            }

            return Success;
        });
        tasks.Subcommands.Add(export);

        var siteUrl = new Option<Uri>("--site-url") { Description = "The address advisers open Waypoint at, for the link in the email.", Required = true };
        var digest = new Command("digest", "Email every adviser with open follow-ups their weekly counts (through Email:Sender).") { siteUrl };
        digest.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            var sent = await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().SendAsync(context.Actor, parse.GetValue(siteUrl)!, cancellationToken);
            await context.Output.WriteLineAsync($"Sent the weekly digest to {sent:N0} advisers.");
            return Success;
        });
        tasks.Subcommands.Add(digest);
        return tasks;
    }

    private static async Task<Guid> AdviserIdAsync(WaypointDbContext db, string email, CancellationToken cancellationToken)
    {
        var normalised = email.Trim().ToUpperInvariant();
        var id = await db.Users.Where(u => u.NormalizedEmail == normalised && u.Role == WaypointRole.PersonalAdviser).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        return id ?? throw new CommandFailedException($"No personal adviser has the email address {email}.");
    }
}
