using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Waypoint.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "Waypoint.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Waypoint.Migrations.Postgres";

    /// <summary>
    /// Reads <c>Database:Provider</c> and <c>ConnectionStrings:Waypoint</c>. With neither set, Waypoint runs on
    /// an embedded SQLite file under the data directory (<c>Waypoint:DataDirectory</c>, default the user's
    /// local application data folder), which is what demo mode uses.
    /// </summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Waypoint");
        var providerName = configuration["Database:Provider"];
        var provider = providerName is not null
            ? Enum.Parse<DatabaseProvider>(providerName, ignoreCase: true)
            : connectionString is not null && connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
                ? DatabaseProvider.Postgres
                : DatabaseProvider.Sqlite;

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Waypoint is not set.");
            }

            connectionString = $"Data Source={Path.Combine(DataDirectory(configuration), "waypoint.db")}";
        }

        return new DatabaseSettings(provider, connectionString);
    }

    public static string DataDirectory(IConfiguration configuration)
    {
        var directory = configuration["Waypoint:DataDirectory"];
        if (string.IsNullOrWhiteSpace(directory))
        {
            directory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Waypoint");
        }

        Directory.CreateDirectory(directory);
        return directory;
    }

    public bool IsDefaultSqlite => Provider == DatabaseProvider.Sqlite;

    public void Apply(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {Provider}.");
        }

        options.UseSnakeCaseNamingConvention();
    }

    public WaypointDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<WaypointDbContext>();
        Apply(builder);
        return new WaypointDbContext(builder.Options);
    }
}

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddWaypointDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddDbContextPool<WaypointDbContext>(settings.Apply);
        return services;
    }
}
