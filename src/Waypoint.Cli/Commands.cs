using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace Waypoint.Cli;

/// <summary>
/// The <c>waypoint</c> command line. Exit codes: 0 success, 1 the command failed (the message says why),
/// 2 the command line itself was wrong. <c>nccis validate</c> refines these: 1 the file has errors, 2 the file is
/// missing, unreadable or refused.
/// </summary>
public static partial class Commands
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const string ConnectionStringFlag = "--connection-string";
    private const string ProviderFlag = "--provider";
    private const string DataDirectoryFlag = "--data-directory";

    private static Option<string?> ConnectionStringOption() => new(ConnectionStringFlag)
    {
        Description = "Database connection string. Defaults to ConnectionStrings__Waypoint, then the embedded SQLite file.",
        Recursive = true,
    };

    private static Option<string?> ProviderOption() => new(ProviderFlag)
    {
        Description = "Database provider: sqlite or postgres. Inferred from the connection string when not given.",
        Recursive = true,
    };

    private static Option<string?> DataDirectoryOption() => new(DataDirectoryFlag)
    {
        Description = "Folder for the embedded SQLite database (the same default as the web app).",
        Recursive = true,
    };

    // The options above are made afresh for each command line: System.CommandLine records every command an option is
    // added to, without a lock, and tests build command lines on several threads at once.
    public static RootCommand CreateRoot(Func<ParseResult, CliContext> contextFactory)
    {
        var root = new RootCommand("Waypoint: careers guidance and participation tracking for local authorities.");
        root.Options.Add(ConnectionStringOption());
        root.Options.Add(ProviderOption());
        root.Options.Add(DataDirectoryOption());
        root.Subcommands.Add(CreateDbCommand(contextFactory));
        root.Subcommands.Add(CreateDemoCommand(contextFactory));
        root.Subcommands.Add(CreateNccisCommand(contextFactory));
        root.Subcommands.Add(CreateUsersCommand(contextFactory));
        root.Subcommands.Add(CreateImportCommand(contextFactory));
        root.Subcommands.Add(CreateCaseloadCommand(contextFactory));
        root.Subcommands.Add(CreateTasksCommand(contextFactory));
        root.Subcommands.Add(CreateRiskCommand(contextFactory));
        root.Subcommands.Add(CreateCareersCommand(contextFactory));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary<string, string?>? settings = null, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        CliContext? context = null;
        CliContext Factory(ParseResult parse)
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue<string?>(ConnectionStringFlag) is { } connection)
            {
                overrides["ConnectionStrings:Waypoint"] = connection;
            }

            if (parse.GetValue<string?>(ProviderFlag) is { } provider)
            {
                overrides["Database:Provider"] = provider;
            }

            if (parse.GetValue<string?>(DataDirectoryFlag) is { } directory)
            {
                overrides["Waypoint:DataDirectory"] = directory;
            }

            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
                .AddEnvironmentVariables()
                .AddInMemoryCollection(overrides)
                .Build();
            context = new CliContext(output, error, configuration, clock);
            return context;
        }

        var root = CreateRoot(Factory);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run 'waypoint --help' to see the commands and options.");
            return Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CommandFailedException ex)
        {
            await error.WriteLineAsync($"Error: {ex.Message}");
            return Failed;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync($"Error: {ex.GetBaseException().Message}");
            return Failed;
        }
        finally
        {
            if (context is not null)
            {
                await context.DisposeAsync();
            }
        }
    }
}

/// <summary>A command could not do what was asked; the message is shown to the user as it is.</summary>
public sealed class CommandFailedException(string message) : Exception(message);
