using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Email;
using Waypoint.Core.Users;

namespace Waypoint.Cli;

/// <summary>What a command runs with: its output, the database it was pointed at, and the core services.</summary>
/// <param name="clock">The clock the core services use; the system clock unless given (tests pass a fixed one, so that
/// what is "today" or "last month" does not change with the day or the hour they run).</param>
public sealed class CliContext(TextWriter output, TextWriter error, IConfiguration configuration, TimeProvider? clock = null) : IAsyncDisposable
{
    private ServiceProvider? services;

    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    public IConfiguration Configuration { get; } = configuration;

    /// <summary>Progress bars only when a person is watching a real terminal; plain lines otherwise (CI, pipes, tests).</summary>
    public bool Interactive => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public Actor Actor { get; } = Actor.System($"waypoint cli ({Environment.UserName})");

    public DatabaseSettings Database => DatabaseSettings.FromConfiguration(Configuration);

    public AsyncServiceScope CreateScope()
    {
        if (services is null)
        {
            var collection = new ServiceCollection();
            collection.AddSingleton(Configuration);
            collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            if (clock is not null)
            {
                collection.AddSingleton(clock);
            }

            collection.AddWaypointDatabase(Database);
            collection.AddWaypointCore(Configuration);
            collection.AddWaypointEmail(Configuration, DatabaseSettings.DataDirectory(Configuration));
            collection.AddDataProtection();
            collection.AddWaypointIdentityCore();
            services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        }

        return services.CreateAsyncScope();
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }
}
