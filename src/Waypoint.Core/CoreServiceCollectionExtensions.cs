using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Demo;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;

namespace Waypoint.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The services shared by the web app, the CLI and the benchmarks.</summary>
    public static IServiceCollection AddWaypointCore(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        var currency = configuration is null ? new CurrencyOptions() : CurrencyOptions.FromConfiguration(configuration);
        var tracking = configuration?.GetSection("Tracking").Get<TrackingOptions>() ?? new TrackingOptions();
        services.AddSingleton(currency);
        services.AddSingleton(tracking);
        services.AddSingleton<CurrencyCalculator>();
        services.AddSingleton<ActivityRules>();
        services.AddScoped<ParticipationService>();
        services.AddScoped<TransferService>();
        services.AddScoped<Journeys.JourneyStore>();
        services.AddScoped<RecordTimeline>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<YoungPersonAccess>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<PasswordReset>();
        services.AddSingleton<Email.EmailQueue>();
        services.AddScoped<Privacy.SubjectAccess>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Dashboards.CohortOverview>();
        services.AddScoped<Nccis.Returns.NccisExporter>();
        services.AddScoped<Nccis.Returns.NccisImporter>();
        services.AddSingleton(configuration is null ? new Matching.MatchingOptions() : Matching.MatchingOptions.FromConfiguration(configuration));
        services.AddScoped<Imports.ImportService>();
        services.AddScoped<Matching.DuplicateService>();
        services.AddSingleton(Nccis.Reports.NccisReportOptions.FromConfiguration(configuration));
        services.AddSingleton<Nccis.Reports.NccisMeasures>();
        services.AddScoped<Nccis.Reports.NccisSnapshotService>();
        services.AddScoped<Nccis.Reports.NccisMeasuresService>();
        services.AddScoped<Nccis.Reports.AnnualActivitySurvey>();
        services.AddSingleton(configuration?.GetSection("Casework").Get<Casework.CaseworkOptions>() ?? new Casework.CaseworkOptions());
        services.AddScoped<Casework.CaseworkService>();
        services.AddScoped<Casework.CaseloadService>();
        services.AddScoped<Casework.AdviserRegister>();
        services.AddScoped<Casework.WeeklyDigest>();
        services.AddScoped<Tasks.TaskExport>();
        services.AddScoped<Risk.RiskService>();
        services.AddSingleton(configuration?.GetSection("Careers").Get<Careers.CareersOptions>() ?? new Careers.CareersOptions());
        services.AddScoped<Careers.CareersService>();
        services.AddScoped<Careers.CareersReflections>();
        services.AddScoped<Careers.DestinationsService>();
        services.AddScoped<Careers.CareersMeasuresService>();
        services.AddScoped<Careers.BenchmarkAssessment>();
        services.AddScoped<Careers.CareersDemo>();
        services.AddSingleton(Prospectus.ProspectusOptions.FromConfiguration(configuration));
        services.AddSingleton<Prospectus.CourseIndexCache>();
        services.AddScoped<Prospectus.CourseSearch>();
        services.AddScoped<Prospectus.CourseService>();
        services.AddScoped<Prospectus.CourseImport>();
        services.AddScoped<Prospectus.ApplicationService>();
        services.AddScoped<Prospectus.ApplicationReports>();
        services.AddScoped<Prospectus.DeadlineReminders>();
        return services;
    }
}
