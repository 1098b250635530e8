using Microsoft.Playwright;
using Waypoint.Core.Data;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Browser;

/// <summary>
/// The app on a real Kestrel port in demo mode (a small generated LA with every demo account), and Debian's
/// Chromium driven by Playwright. Without Chromium the browser tests are skipped, except under CI=true.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long any browser action or page load may take before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private IPlaywright? playwright;

    public WaypointWebFactory? Factory { get; private set; }
    public IBrowser? Browser { get; private set; }
    public string BaseUrl { get; private set; } = "";
    public string? UnavailableReason { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            UnavailableReason = $"{ChromiumPath} is not installed (apt-get install chromium)";
            return;
        }

        Factory = new WaypointWebFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Waypoint:Demo"] = "true",
            ["Waypoint:DemoPeople"] = "300",
            ["Waypoint:RequireHttps"] = "false",
        });
        // Port 0: Kestrel takes a free port as it binds. A port looked up beforehand stays unbound while the demo LA is
        // seeded, for seconds, and another process (a PostgreSQL cluster, a client connection) may take it meanwhile.
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = $"http://localhost:{Factory.ClientOptions.BaseAddress.Port}";

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Skips the calling test when Chromium is missing; under CI=true fails it instead.</summary>
    public IBrowser Require()
    {
        if (Browser is null)
        {
            if (PostgresServer.IsCi)
            {
                throw new InvalidOperationException($"CI=true and the browser tests cannot run: {UnavailableReason}");
            }

            Skip.If(true, UnavailableReason);
        }

        return Browser!;
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Require().NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScript });

        // Playwright's default is 30 s per action. A minute leaves room for two shared cores under three test suites, while
        // a page that never arrives still fails. (The sign-in timeouts once put down to a slow machine were a missed load
        // event: see PageLoads.)
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
