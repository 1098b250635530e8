namespace Waypoint.Core.Audit;

/// <summary>The audit action names. Keep docs/audit.md in step with this list.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "account.sign-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string SignOut = "account.sign-out";
    public const string LockedOut = "account.locked-out";
    public const string TwoFactorEnabled = "account.two-factor-enabled";
    public const string ExternalSignIn = "account.external-sign-in";
    public const string AccessDenied = "access.denied";
    public const string YoungPersonViewed = "young-person.viewed";
    public const string YoungPersonSearched = "young-person.searched";
    public const string YoungPersonCreated = "young-person.created";
    public const string YoungPersonUpdated = "young-person.updated";
    public const string UpdateConflict = "young-person.update-conflict";
    public const string ActivityRecorded = "young-person.activity-recorded";
    public const string ActivityVerified = "young-person.activity-verified";
    public const string CohortStatusChanged = "young-person.cohort-status-changed";
    public const string IntendedDestinationSet = "young-person.intended-destination-set";
    public const string SeptemberGuaranteeSet = "young-person.september-guarantee-set";
    public const string AdviserAssigned = "young-person.adviser-assigned";
    public const string CharacteristicAdded = "young-person.characteristic-added";
    public const string CharacteristicEnded = "young-person.characteristic-ended";
    public const string TransferredIn = "young-person.transferred-in";
    public const string TransferSummaryExported = "young-person.transfer-summary-exported";
    public const string WorkListViewed = "work-list.viewed";
    public const string FollowUpsCreated = "follow-up.created";
    public const string FollowUpCompleted = "follow-up.completed";
    public const string UserCreated = "user.created";
    public const string OrganisationCreated = "organisation.created";
    public const string AuditSearched = "audit.searched";
    public const string DemoSeeded = "demo.seeded";
    public const string DatabaseMigrated = "database.migrated";
    public const string Imported = "data.imported";
    public const string ImportReverted = "data.import-reverted";
    public const string ImportViewed = "data.import-viewed";
    public const string ImportPreviewed = "data.import-previewed";
    public const string MatchReviewed = "data.match-reviewed";
    public const string DuplicatesMerged = "young-person.merged";
    public const string DuplicatesSearched = "duplicates.searched";
    public const string Exported = "data.exported";
    public const string NccisExported = "nccis.exported";
    public const string NccisImported = "nccis.imported";
    public const string YoungPersonImported = "young-person.imported";
    public const string NccisValidated = "nccis.validated";
    public const string NccisDownloaded = "nccis.downloaded";
    public const string NccisReportViewed = "nccis.report-viewed";
    public const string NccisFileDeleted = "nccis.file-deleted";
    public const string NccisSnapshotTaken = "nccis.snapshot-taken";
    public const string NccisSurveyExported = "nccis.aas-exported";
}
