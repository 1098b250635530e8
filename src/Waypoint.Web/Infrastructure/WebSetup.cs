using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Email;
using Waypoint.Core.Nccis.Returns;
using Waypoint.Core.Users;
using Waypoint.Web.Api;

namespace Waypoint.Web.Infrastructure;

public static class WebSetup
{
    public const string SignInRateLimit = "sign-in";

    public static void AddWaypointWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var database = DatabaseSettings.FromConfiguration(configuration);
        var settings = configuration.GetSection("Waypoint").Get<WaypointSettings>() ?? new WaypointSettings();
        var demoMode = settings.Demo ?? database.IsDefaultSqlite;
        settings.Demo = demoMode;
        settings.MigrateOnStartup ??= database.Provider == DatabaseProvider.Sqlite;
        settings.RequireStaffTwoFactor ??= !demoMode;
        settings.RequireHttps ??= !demoMode;

        // Secure-only cookies need HTTPS; the demo runs on plain http://localhost, where browsers treat the origin as secure anyway.
        var cookieSecurity = settings.RequireHttps == true ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddSingleton(settings);

        services.AddWaypointDatabase(database);
        services.AddWaypointCore(configuration);
        services.AddWaypointEmail(configuration, DatabaseSettings.DataDirectory(configuration));
        services.AddSingleton(NccisReturnFiles.FromConfiguration(configuration));
        services.AddSingleton(Core.Imports.PendingImports.FromConfiguration(configuration));
        services.AddScoped<NccisReturns>();
        services.AddWaypointIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<WaypointClaimsPrincipalFactory>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "waypoint.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/errors/403";
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.ConfigureExternalCookie(options => options.Cookie.SecurePolicy = cookieSecurity);
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.HttpOnly = true;
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));
        OpenIdConnectSetup.AddIfConfigured(services, configuration, cookieSecurity);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(Policies.StaffRoles))
            .AddPolicy(Policies.LaAdministrator, p => p.RequireRole(nameof(WaypointRole.LaAdministrator)))
            .AddPolicy(Policies.LaStaff, p => p.RequireRole(nameof(WaypointRole.LaAdministrator), nameof(WaypointRole.TrackingOfficer), nameof(WaypointRole.PersonalAdviser)))
            .AddPolicy(Policies.NccisReturns, p => p.RequireRole(nameof(WaypointRole.LaAdministrator), nameof(WaypointRole.TrackingOfficer)).RequireClaim(Actor.LaCodeClaim))
            .AddPolicy(Policies.DataTeam, p => p.RequireRole(nameof(WaypointRole.LaAdministrator), nameof(WaypointRole.TrackingOfficer)).RequireClaim(Actor.LaCodeClaim))
            .AddPolicy(Policies.EstablishmentStaff, p => p.RequireRole(nameof(WaypointRole.CareersLeader), nameof(WaypointRole.SchoolStaff), nameof(WaypointRole.ProviderStaff)))
            .AddPolicy(Policies.Risk, p => p.RequireRole(nameof(WaypointRole.LaAdministrator), nameof(WaypointRole.TrackingOfficer), nameof(WaypointRole.PersonalAdviser), nameof(WaypointRole.CareersLeader), nameof(WaypointRole.SchoolStaff)).RequireClaim(Actor.LaCodeClaim))
            .AddPolicy(Policies.CareersStaff, p => p.RequireRole(nameof(WaypointRole.CareersLeader), nameof(WaypointRole.SchoolStaff)).RequireClaim(Actor.OrganisationClaim))
            .AddPolicy(Policies.CoursePublishers, p => p.RequireRole(nameof(WaypointRole.LaAdministrator), nameof(WaypointRole.CareersLeader), nameof(WaypointRole.SchoolStaff), nameof(WaypointRole.ProviderStaff)))
            .AddPolicy(Policies.YoungPerson, p => p.RequireRole(nameof(WaypointRole.YoungPerson)))
            .AddPolicy(Policies.ParentOrCarer, p => p.RequireRole(nameof(WaypointRole.ParentOrCarer)))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Admin", Policies.LaAdministrator);
                options.Conventions.AuthorizeFolder("/Tracking", Policies.LaStaff);
                options.Conventions.AuthorizeFolder("/Adviser", Policies.LaStaff);
                options.Conventions.AuthorizeFolder("/Nccis", Policies.NccisReturns);
                options.Conventions.AuthorizeFolder("/Imports", Policies.DataTeam);
                options.Conventions.AuthorizeFolder("/Reports", Policies.LaStaff);
                options.Conventions.AuthorizeFolder("/YoungPeople", Policies.Staff);
                options.Conventions.AuthorizeFolder("/YoungPeople/Casework", Policies.LaStaff);
                options.Conventions.AuthorizeFolder("/School", Policies.EstablishmentStaff);
                options.Conventions.AuthorizeFolder("/Risk", Policies.Risk);
                options.Conventions.AuthorizePage("/Risk/Coverage", Policies.LaStaff);
                options.Conventions.AuthorizePage("/Risk/BackTest", Policies.LaStaff);
                options.Conventions.AuthorizePage("/Risk/Indicators", Policies.LaStaff);
                options.Conventions.AuthorizeFolder("/School/Careers", Policies.CareersStaff);
                options.Conventions.AuthorizeFolder("/Me", Policies.YoungPerson);
                options.Conventions.AuthorizeFolder("/Family", Policies.ParentOrCarer);
                options.Conventions.AllowAnonymousToFolder("/Account");
                options.Conventions.AllowAnonymousToFolder("/Errors");
                options.Conventions.AllowAnonymousToPage("/Cookies");
                options.Conventions.AllowAnonymousToPage("/Privacy");
                options.Conventions.AllowAnonymousToPage("/Accessibility");
                options.Conventions.AllowAnonymousToPage("/Index");

                // The website publication duty: each school's careers programme is public.
                options.Conventions.AllowAnonymousToFolder("/CareersProgrammes");
                options.Conventions.AuthorizeFolder("/Provider/Applications", Policies.EstablishmentStaff);
                options.Conventions.AuthorizeFolder("/Provider/Courses", Policies.CoursePublishers);
                options.Conventions.AllowAnonymousToFolder("/Courses");
                options.Conventions.AllowAnonymousToFolder("/Providers");
            })
            .AddMvcOptions(options =>
            {
                options.ModelBinderProviders.Insert(0, new TrimmingStringModelBinderProvider());
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(_ => "Enter a value");
            });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "waypoint.antiforgery";
            options.Cookie.SecurePolicy = cookieSecurity;
            options.HeaderName = "X-CSRF-TOKEN";
        });
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        services.AddOpenApi();

        services.AddHealthChecks().AddDbContextCheck<WaypointDbContext>("database");
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddHostedService<EmailQueueWorker>();
        services.AddHostedService<FollowUpScheduler>();
        services.AddHostedService<NccisSnapshotScheduler>();
        services.AddHostedService<RiskScheduler>();
        services.AddHostedService<CareersSnapshotScheduler>();
        services.AddHostedService<WeeklyDigestScheduler>();
        services.AddHostedService<DeadlineReminderScheduler>();
        services.AddHttpContextAccessor();
        services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.GetActor() ?? Actor.System("background"));
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<WaypointSettings>();
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Waypoint.Startup");
        if (settings.MigrateOnStartup == true)
        {
            var applied = await DatabaseMigrator.MigrateAsync(db);
            if (applied.Count > 0)
            {
                logger.LogInformation("Applied {Count} database migrations to the {Provider} database", applied.Count, database.Provider);
                await Waypoint.Core.Tracking.CurrentActivityBackfill.RunAsync(db, scope.ServiceProvider.GetRequiredService<Waypoint.Core.Nccis.CurrencyCalculator>());
            }
        }

        if (settings.Demo != true)
        {
            return;
        }

        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        if (!await seeder.IsSeededAsync())
        {
            Console.WriteLine($"Waypoint demo: generating a demo local authority with {settings.DemoPeople:N0} young people...");
            var result = await seeder.SeedAsync(Actor.System("demo start-up"), new DemoOptions(settings.DemoPeople, settings.DemoSeed));
            Console.WriteLine($"Waypoint demo: seeded {result.Organisations} organisations and {result.People:N0} young people.");
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
            Console.WriteLine();
            Console.WriteLine($"Waypoint is running in demo mode on {database.Provider}. Sign in at {address.TrimEnd('/')}/account/sign-in");
            Console.WriteLine($"Every demo account uses the password: {DemoSeeder.DemoPassword}");
            foreach (var account in DemoSeeder.Accounts)
            {
                Console.WriteLine($"  {account.Role.DisplayName(),-24} {account.Email}");
            }

            if (settings.RequireStaffTwoFactor != true)
            {
                Console.WriteLine("Two-factor sign-in for staff is OFF in demo mode (set Waypoint:RequireStaffTwoFactor=true to turn it on).");
            }

            Console.WriteLine();
        });
    }

    public static void UseWaypointPipeline(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<WaypointSettings>();
        app.UseExceptionHandler("/errors/500");
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        if (settings.RequireHttps == true)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<StaffTwoFactorMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/api/openapi/{documentName}.json").RequireAuthorization(Policies.Staff);
        app.MapWaypointApi();
        app.MapRazorPages();
    }
}

public static class Policies
{
    public const string Staff = "staff";
    public const string LaAdministrator = "la-administrator";
    public const string LaStaff = "la-staff";

    /// <summary>Who may publish courses in the prospectus: staff of schools, colleges and providers, and LA administrators for any provider.</summary>
    public const string CoursePublishers = "course-publishers";

    /// <summary>The LA's data team, who send the NCCIS return: administrators and tracking officers (see <c>NccisReturns.MayUse</c>).</summary>
    public const string NccisReturns = "nccis-returns";
    public const string DataTeam = "data-team";
    public const string EstablishmentStaff = "establishment-staff";

    /// <summary>Careers Leaders and school staff of a school or college, who keep its careers records.</summary>
    public const string CareersStaff = "careers-staff";
    public const string YoungPerson = "young-person";
    public const string ParentOrCarer = "parent-or-carer";

    /// <summary>Risk of NEET lists: the LA's staff and school staff (not learning providers, whose learners are past Year 11).</summary>
    public const string Risk = "risk";

    public static readonly string[] StaffRoles = Enum.GetValues<WaypointRole>().Where(r => r.IsStaff()).Select(r => r.ToString()).ToArray();
}
