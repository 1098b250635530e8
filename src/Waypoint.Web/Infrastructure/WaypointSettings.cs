namespace Waypoint.Web.Infrastructure;

/// <summary>The <c>Waypoint</c> configuration section.</summary>
public sealed class WaypointSettings
{
    /// <summary>Seed a generated demo LA into an empty database at start-up. On by default with the embedded SQLite database.</summary>
    public bool? Demo { get; set; }

    public int DemoPeople { get; set; } = 5000;
    public int DemoSeed { get; set; } = 2026;

    /// <summary>Apply pending migrations at start-up. On by default with SQLite; use <c>waypoint db migrate</c> for PostgreSQL.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Staff must use an authenticator app (TOTP). Off by default in demo mode only.</summary>
    public bool? RequireStaffTwoFactor { get; set; }

    /// <summary>Redirect to HTTPS, send HSTS and mark every cookie Secure. On by default except in demo mode.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>Sign-in and security-code requests allowed from one IP address per minute, on top of per-account lockout.</summary>
    public int SignInRequestsPerMinute { get; set; } = 30;

    public string ServiceName { get; set; } = "Waypoint";

    /// <summary>The address put in emails (new accounts' sign-in link, password reset links).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Where a password reset link points: the configured public address, or in demo mode only the address the request
    /// came to. Outside demo mode a link is never built from the request's Host header, which a caller controls and could
    /// point at their own site; without <see cref="PublicUrl"/> reset by email is off.
    /// </summary>
    public string? ResetLinkBase(HttpRequest request) =>
        PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/')
        : Demo == true ? $"{request.Scheme}://{request.Host}"
        : null;
}
