using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Waypoint.Core.Data;

namespace Waypoint.Bench;

/// <summary>
/// The real web app, in process, over an already migrated and seeded database: the production pipeline (HTTPS-only
/// cookies, antiforgery, authorisation) with the settings of the web tests, minus the fake clock, so the pages see
/// the same "today" the seed was generated for.
/// </summary>
public sealed partial class BenchWebHost(DatabaseSettings database) : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "waypoint-bench", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so nothing development-only (user secrets, detailed errors) sits in the measured path.
        builder.UseEnvironment("Production");

        // The factory looks for its manifest in the working directory, which under `dotnet run` is wherever the
        // command was typed; the build also writes it next to the bench, so read it from there.
        var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json")));
        builder.UseContentRoot(manifest![typeof(Program).Assembly.FullName!]);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Waypoint"] = database.ConnectionString,
            ["Database:Provider"] = database.Provider.ToString(),
            ["Waypoint:Demo"] = "false",
            ["Waypoint:DataDirectory"] = dataDirectory,
            ["Waypoint:MigrateOnStartup"] = "false",
            ["Waypoint:RequireStaffTwoFactor"] = "false",
            ["Waypoint:RequireHttps"] = "true",
            ["Waypoint:SignInRequestsPerMinute"] = "100000",
            // The schedules (follow-ups, snapshots, risk scores, digest) would otherwise run at start-up, beside the
            // requests being measured.
            ["Tracking:FollowUpScanMinutes"] = "0",
            ["Nccis:Reports:SnapshotScanMinutes"] = "0",
            ["Risk:ScanMinutes"] = "0",
            ["Careers:SnapshotScanMinutes"] = "0",
            ["Casework:DigestScanMinutes"] = "0",
            ["Prospectus:ReminderScanMinutes"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A cookie-keeping client signed in with a demo account's password, the way a browser does it.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = AntiforgeryToken().Match(form) is { Success: true } match
            ? match.Groups[1].Value
            : throw new BenchFailedException("The sign-in page has no antiforgery token.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("sign-in", StringComparison.Ordinal) != false)
        {
            throw new BenchFailedException($"Signing in as {email} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
