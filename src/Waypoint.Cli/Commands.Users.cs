using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Data;
using Waypoint.Core.Users;

namespace Waypoint.Cli;

public static partial class Commands
{
    private static Command CreateUsersCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var users = new Command("users", "User account commands.");
        var email = new Option<string>("--email") { Description = "The person's email address; they sign in with it.", Required = true };
        var name = new Option<string>("--name") { Description = "Full name as shown to others.", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "One of: " + string.Join(", ", Enum.GetValues<WaypointRole>().Where(r => r.IsStaff()).Select(r => ToKebab(r.ToString()))),
            Required = true,
        };
        role.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is null || !WaypointRoles.TryParse(value, out var parsed) || !parsed.IsStaff())
            {
                result.AddError($"--role '{value}' is not a staff role. Use one of: " +
                    string.Join(", ", Enum.GetValues<WaypointRole>().Where(r => r.IsStaff()).Select(r => ToKebab(r.ToString()))) + ".");
            }
        });
        var organisation = new Option<string>("--organisation") { Description = "The employer: its ID, URN, UKPRN, or 3-digit LA code for a local authority.", Required = true };
        var password = new Option<string?>("--password") { Description = "First password. Prefer --password-stdin so it is not kept in shell history." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the first password from standard input." };
        var add = new Command("add", "Add a member of staff who can sign in.") { email, name, role, organisation, password, passwordStdin };
        add.Validators.Add(result =>
        {
            if (result.GetValue(password) is null == !result.GetValue(passwordStdin))
            {
                result.AddError("Give exactly one of --password or --password-stdin.");
            }
        });
        add.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            var key = parse.GetValue(organisation)!;
            var organisations = Guid.TryParse(key, out var id)
                ? db.Organisations.Where(o => o.Id == id)
                : db.Organisations.Where(o => o.Urn == key || o.Ukprn == key || (o.LaCode == key && o.Kind == Core.Organisations.OrganisationKind.LocalAuthority));
            var matches = await organisations.Select(o => new { o.Id, o.Name }).Take(2).ToListAsync(cancellationToken);
            if (matches.Count != 1)
            {
                throw new CommandFailedException(matches.Count == 0 ? $"No organisation matches '{key}'." : $"More than one organisation matches '{key}'; use its ID.");
            }

            var secret = parse.GetValue(password) ?? (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? "";
            if (!WaypointRoles.TryParse(parse.GetValue(role)!, out var parsedRole))
            {
                throw new CommandFailedException("Unknown role.");
            }

            try
            {
                var user = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddUserAsync(context.Actor,
                    new AddUserOptions(parse.GetValue(email)!, parse.GetValue(name)!, parsedRole, secret, matches[0].Id), cancellationToken);
                await context.Output.WriteLineAsync($"Added {user.DisplayName} <{user.Email}> as {parsedRole.DisplayName()} at {matches[0].Name}.");
            }
            catch (UserAdministrationException ex)
            {
                throw new CommandFailedException(ex.Message);
            }

            return Success;
        });
        users.Subcommands.Add(add);
        return users;
    }

    private static string ToKebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
