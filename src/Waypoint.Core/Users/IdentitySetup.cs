using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Data;

namespace Waypoint.Core.Users;

public static class IdentitySetup
{
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Identity rules shared by the web app (which adds cookies and sign-in) and the CLI.</summary>
    public static IdentityBuilder AddWaypointIdentityCore(this IServiceCollection services)
    {
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = PasswordReset.LinkLifetime);
        return services.AddIdentityCore<WaypointUser>(options =>
            {
                PasswordPolicy.Configure(options.Password);
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<WaypointDbContext>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddDefaultTokenProviders();
    }
}
