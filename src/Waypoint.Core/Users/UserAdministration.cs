using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Email;

namespace Waypoint.Core.Users;

public sealed record AddUserOptions(
    string Email,
    string DisplayName,
    WaypointRole Role,
    string Password,
    Guid? OrganisationId = null,
    Guid? YoungPersonId = null,
    bool SendWelcomeEmail = true);

public sealed class UserAdministrationException(string message) : Exception(message);

public class UserAdministration(WaypointDbContext db, UserManager<WaypointUser> users, AuditTrail audit, TimeProvider clock, IEmailSender email, IConfiguration configuration)
{
    public async Task<WaypointUser> AddUserAsync(Actor actor, AddUserOptions options, CancellationToken cancellationToken = default)
    {
        if (options.Role.IsStaff())
        {
            if (options.OrganisationId is null)
            {
                throw new UserAdministrationException($"A {options.Role.DisplayName()} must belong to an organisation.");
            }

            var organisation = await db.Organisations.FindAsync([options.OrganisationId], cancellationToken)
                ?? throw new UserAdministrationException($"Organisation {options.OrganisationId} does not exist.");
            if (!options.Role.AllowedOrganisationKinds().Contains(organisation.Kind))
            {
                throw new UserAdministrationException($"A {options.Role.DisplayName()} cannot belong to a {organisation.Kind} organisation.");
            }
        }
        else if (options.Role == WaypointRole.YoungPerson)
        {
            if (options.YoungPersonId is null || !await db.YoungPeople.AnyAsync(p => p.Id == options.YoungPersonId, cancellationToken))
            {
                throw new UserAdministrationException("A young person's account must be linked to an existing young person record.");
            }
        }

        var user = new WaypointUser
        {
            UserName = options.Email,
            Email = options.Email,
            EmailConfirmed = true,
            DisplayName = options.DisplayName,
            Role = options.Role,
            OrganisationId = options.Role.IsStaff() ? options.OrganisationId : null,
            YoungPersonId = options.Role == WaypointRole.YoungPerson ? options.YoungPersonId : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.CreateAsync(user, options.Password);
        if (!result.Succeeded)
        {
            throw new UserAdministrationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await audit.RecordAsync(actor, AuditActions.UserCreated, entityType: "User", entityId: user.Id.ToString(),
            youngPersonId: user.YoungPersonId,
            details: new { email = user.Email, role = user.Role.ToString(), organisationId = user.OrganisationId },
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (options.SendWelcomeEmail)
        {
            // The password is never emailed: the administrator gives it to the person separately.
            var signIn = $"{(configuration["Waypoint:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/')}/account/sign-in";
            await email.SendAsync(new EmailMessage(user.Email!, "You have a Waypoint account",
                $"Dear {user.DisplayName},\n\nAn account has been set up for you on Waypoint as {user.Role.DisplayName()}.\n\n" +
                $"Sign in at {signIn} with this email address and the first password your administrator gives you, then change it under 'Your account'.\n\n" +
                "If you were not expecting this, tell your local authority's Waypoint administrator.",
                $"welcome-{user.Id}"), cancellationToken);
        }

        return user;
    }
}
