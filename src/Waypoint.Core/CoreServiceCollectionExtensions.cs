using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Demo;
using Waypoint.Core.Users;

namespace Waypoint.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The services shared by the web app, the CLI and the benchmarks.</summary>
    public static IServiceCollection AddWaypointCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AuditTrail>();
        services.AddScoped<YoungPersonAccess>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Dashboards.CohortOverview>();
        return services;
    }
}
