using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;

namespace Waypoint.Core.Users;

public sealed record AddUserOptions(
    string Email,
    string DisplayName,
    WaypointRole Role,
    string Password,
    Guid? OrganisationId = null,
    Guid? YoungPersonId = null);

public sealed class UserAdministrationException(string message) : Exception(message);

public class UserAdministration(WaypointDbContext db, UserManager<WaypointUser> users, AuditTrail audit, TimeProvider clock)
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
        return user;
    }
}
