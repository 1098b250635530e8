using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core;
using Waypoint.Core.Data;
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
        services.AddWaypointIdentityCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
