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
    public const string UserCreated = "user.created";
    public const string OrganisationCreated = "organisation.created";
    public const string AuditSearched = "audit.searched";
    public const string DemoSeeded = "demo.seeded";
    public const string DatabaseMigrated = "database.migrated";
    public const string Imported = "data.imported";
    public const string Exported = "data.exported";
}
