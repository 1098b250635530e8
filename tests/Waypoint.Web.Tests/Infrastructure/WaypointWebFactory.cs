using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Waypoint.Core.Data;
using Waypoint.TestCommon;

namespace Waypoint.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real database of the given provider, with a fixed clock. HTTPS-only cookies are on,
/// as in production; the test client talks to it as https://localhost.
/// </summary>
public sealed class WaypointWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;

    public WaypointWebFactory(DatabaseProvider provider, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        Provider = provider;
        Database = TestDatabases.Create(provider, "web");
        this.configureServices = configureServices;
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Waypoint"] = Database.ConnectionString,
            ["Database:Provider"] = provider.ToString(),
            ["Waypoint:Demo"] = "false",
            ["Waypoint:DataDirectory"] = Path.Combine(Path.GetTempPath(), "waypoint-tests"),
            ["Email:OutboxDirectory"] = Outbox,
            ["Waypoint:MigrateOnStartup"] = "true",
            ["Waypoint:RequireStaffTwoFactor"] = "false",
            ["Waypoint:RequireHttps"] = "true",
            ["Waypoint:SignInRequestsPerMinute"] = "100000",
            ["Waypoint:PublicUrl"] = "https://localhost",
            ["Tracking:FollowUpScanMinutes"] = "0",
            ["Nccis:Reports:SnapshotScanMinutes"] = "0",
            ["Risk:ScanMinutes"] = "0",
            ["Careers:SnapshotScanMinutes"] = "0",
            ["Casework:DigestScanMinutes"] = "0",
            ["Prospectus:ReminderScanMinutes"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            // EF logs a failed read of the migrations history table on every first migration of an empty PostgreSQL database.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where the app's email goes in tests: one JSON file per message.</summary>
    public string Outbox { get; } = Path.Combine(Path.GetTempPath(), "waypoint-tests", $"outbox-{Guid.NewGuid():N}");
    public DatabaseSettings Database { get; }
    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public TestData Data => new(Services, Clock);

    public WebSession CreateSession() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            configureServices?.Invoke(services);
        });
    }
}

/// <summary>One factory per provider, shared by every HTTP test class in the "web" collection.</summary>
public sealed class WebHosts : IDisposable
{
    private readonly Dictionary<DatabaseProvider, WaypointWebFactory> factories = [];
    private readonly Lock gate = new();

    public WaypointWebFactory For(DatabaseProvider provider)
    {
        lock (gate)
        {
            if (!factories.TryGetValue(provider, out var factory))
            {
                factory = new WaypointWebFactory(provider);
                factories[provider] = factory;
            }

            return factory;
        }
    }

    public void Dispose()
    {
        foreach (var factory in factories.Values)
        {
            factory.Dispose();
        }
    }
}

[CollectionDefinition("web")]
public sealed class WebCollection : ICollectionFixture<WebHosts>;
