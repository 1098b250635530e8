using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Waypoint.Core.Audit;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Data;

public class WaypointDbContext(DbContextOptions<WaypointDbContext> options)
    : IdentityDbContext<WaypointUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<YoungPerson> YoungPeople => Set<YoungPerson>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Characteristic> Characteristics => Set<Characteristic>();
    public DbSet<PupilCensusData> PupilCensus => Set<PupilCensusData>();
    public DbSet<ParentLink> ParentLinks => Set<ParentLink>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<SeptemberGuaranteeOffer> SeptemberGuaranteeOffers => Set<SeptemberGuaranteeOffer>();
    public DbSet<CohortStatusChange> CohortStatusChanges => Set<CohortStatusChange>();
    public DbSet<Tasks.FollowUpTask> FollowUpTasks => Set<Tasks.FollowUpTask>();
    public DbSet<Journeys.JourneyState> JourneyStates => Set<Journeys.JourneyState>();
    public DbSet<Nccis.Returns.NccisSubmission> NccisSubmissions => Set<Nccis.Returns.NccisSubmission>();
    public DbSet<Imports.DataImport> DataImports => Set<Imports.DataImport>();
    public DbSet<Imports.DataImportChange> DataImportChanges => Set<Imports.DataImportChange>();
    public DbSet<Imports.MatchReview> MatchReviews => Set<Imports.MatchReview>();
    public DbSet<Nccis.Reports.NccisSnapshot> NccisSnapshots => Set<Nccis.Reports.NccisSnapshot>();
    public DbSet<Nccis.Reports.NccisSnapshotRow> NccisSnapshotRows => Set<Nccis.Reports.NccisSnapshotRow>();
    public DbSet<Casework.CaseContact> CaseContacts => Set<Casework.CaseContact>();
    public DbSet<Casework.PlanAction> PlanActions => Set<Casework.PlanAction>();
    public DbSet<Casework.Referral> Referrals => Set<Casework.Referral>();
    public DbSet<Casework.AdviserProfile> AdviserProfiles => Set<Casework.AdviserProfile>();
    public DbSet<Casework.AdviserQualification> AdviserQualifications => Set<Casework.AdviserQualification>();
    public DbSet<Casework.CpdEntry> CpdEntries => Set<Casework.CpdEntry>();
    public DbSet<Risk.RiskIndicatorSet> RiskIndicatorSets => Set<Risk.RiskIndicatorSet>();
    public DbSet<Risk.RiskScore> RiskScores => Set<Risk.RiskScore>();
    public DbSet<Risk.RiskListDecision> RiskListDecisions => Set<Risk.RiskListDecision>();
    public DbSet<Risk.RiskSupport> RiskSupports => Set<Risk.RiskSupport>();
    public DbSet<Risk.RiskModelRecord> RiskModels => Set<Risk.RiskModelRecord>();
    public DbSet<Risk.RiskHistoryRecord> RiskHistory => Set<Risk.RiskHistoryRecord>();
    public DbSet<Careers.CareersPartner> CareersPartners => Set<Careers.CareersPartner>();
    public DbSet<Careers.CareersProgramme> CareersProgrammes => Set<Careers.CareersProgramme>();
    public DbSet<Careers.PlannedCareersActivity> PlannedCareersActivities => Set<Careers.PlannedCareersActivity>();
    public DbSet<Careers.CareersActivity> CareersActivities => Set<Careers.CareersActivity>();
    public DbSet<Careers.CareersParticipation> CareersParticipations => Set<Careers.CareersParticipation>();
    public DbSet<Careers.CareersTally> CareersTallies => Set<Careers.CareersTally>();
    public DbSet<Careers.PupilGroup> PupilGroups => Set<Careers.PupilGroup>();
    public DbSet<Careers.PupilGroupMember> PupilGroupMembers => Set<Careers.PupilGroupMember>();
    public DbSet<Careers.BenchmarkAnswer> BenchmarkAnswers => Set<Careers.BenchmarkAnswer>();
    public DbSet<Careers.BenchmarkSnapshot> BenchmarkSnapshots => Set<Careers.BenchmarkSnapshot>();
    public DbSet<Careers.DestinationSharingConsent> DestinationSharingConsents => Set<Careers.DestinationSharingConsent>();
    public DbSet<Prospectus.SavedCourse> SavedCourses => Set<Prospectus.SavedCourse>();
    public DbSet<Prospectus.Course> Courses => Set<Prospectus.Course>();
    public DbSet<Prospectus.CourseApplication> CourseApplications => Set<Prospectus.CourseApplication>();
    public DbSet<Prospectus.ApplicantProfile> ApplicantProfiles => Set<Prospectus.ApplicantProfile>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WaypointDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back unspecified and Npgsql insists on UTC for timestamptz: store UTC, read UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The checks and stamps every save makes; <see cref="PostgresBulkSave"/> makes them too.</summary>
    internal void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit trail is append-only: audit events cannot be changed or deleted.");
            }

            if (entry.Entity is YoungPerson person && entry.State == EntityState.Modified)
            {
                person.Version = Guid.NewGuid();
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
