using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core;
using Microsoft.Extensions.Configuration;
using Waypoint.Core.Data;
using Waypoint.Core.Email;
using Waypoint.Core.Users;

namespace Waypoint.TestCommon;

/// <summary>The core services over a real database, as the CLI wires them, for data tests below the web layer.</summary>
public static class CoreServices
{
    public static ServiceProvider Build(DatabaseSettings settings, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddLogging();
        services.AddDataProtection();
        services.AddWaypointDatabase(settings);
        services.AddWaypointCore();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<IEmailSender>(new FileOutboxEmailSender(Path.Combine(Path.GetTempPath(), "waypoint-tests", "outbox"), clock));
        services.AddWaypointIdentityCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
