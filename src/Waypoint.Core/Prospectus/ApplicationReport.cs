using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Reports;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Prospectus;

public sealed record ApplicationCountRow(string Name, int Applications, int Offers, int Accepted);

public sealed record CourseFillRow(Guid CourseId, string Course, string Provider, int Capacity, int Accepted, int Applications)
{
    public int PercentFilled => (int)Math.Round(100.0 * Accepted / Math.Max(1, Capacity), MidpointRounding.AwayFromZero);
}

public sealed record NotAppliedRow(Guid Id, string LocalId, string Name, DateOnly DateOfBirth, string? School);

/// <summary>Every row of the LA's applications report: the page shows the first of each, a download has them all.</summary>
public sealed record ApplicationReport(
    DateOnly AppliedBy,
    IReadOnlyList<ApplicationCountRow> BySchool,
    IReadOnlyList<ApplicationCountRow> ByProvider,
    IReadOnlyList<ApplicationCountRow> ByCourse,
    IReadOnlyList<CourseFillRow> FillRates,
    int YearEleven,
    IReadOnlyList<NotAppliedRow> NotApplied,
    int ApplicationCount);

/// <summary>
/// The LA's view of the common application process: applications, offers and acceptances by school, provider and
/// course, course fill rates, and the Year 11 young people with no application by a date. Each view and each download
/// is audited, since the last list names young people.
/// </summary>
public class ApplicationReports(ApplicationService applications, YoungPersonAccess access, WaypointDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The tables a report can be downloaded as, by the name in the download's address.</summary>
    public static readonly IReadOnlyList<string> Tables = ["by-school", "by-provider", "by-course", "fill-rates", "not-applied"];

    public async Task<ApplicationReport> BuildAsync(Actor actor, DateOnly appliedBy, string? download = null, CancellationToken ct = default)
    {
        var rows = await (from a in applications.ForSupporters(actor)
                          join c in db.Courses on a.CourseId equals c.Id
                          join o in db.Organisations on a.ProviderId equals o.Id
                          join p in db.YoungPeople on a.YoungPersonId equals p.Id
                          join s in db.Organisations on p.SchoolId equals s.Id into schools
                          from s in schools.DefaultIfEmpty()
                          select new { a.Status, CourseId = c.Id, Course = c.Title, c.Capacity, Provider = o.Name, School = s == null ? null : s.Name })
                         .ToListAsync(ct);
        static ApplicationCountRow Count(string name, IEnumerable<ApplicationStatus> statuses)
        {
            var list = statuses.ToList();
            return new ApplicationCountRow(name, list.Count,
                list.Count(s => s.IsOffer() || s == ApplicationStatus.Accepted || s == ApplicationStatus.OfferReleased), list.Count(s => s == ApplicationStatus.Accepted));
        }

        var bySchool = rows.GroupBy(r => r.School ?? "No school recorded").Select(g => Count(g.Key, g.Select(r => r.Status)))
            .OrderByDescending(r => r.Applications).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byProvider = rows.GroupBy(r => r.Provider).Select(g => Count(g.Key, g.Select(r => r.Status)))
            .OrderByDescending(r => r.Applications).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byCourse = rows.GroupBy(r => $"{r.Course}, {r.Provider}").Select(g => Count(g.Key, g.Select(r => r.Status)))
            .OrderByDescending(r => r.Applications).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var fillRates = rows.GroupBy(r => (r.CourseId, r.Course, r.Provider, r.Capacity))
            .Select(g => new CourseFillRow(g.Key.CourseId, g.Key.Course, g.Key.Provider, g.Key.Capacity, g.Count(r => r.Status == ApplicationStatus.Accepted), g.Count()))
            .OrderByDescending(f => (double)f.Accepted / Math.Max(1, f.Capacity)).ThenBy(f => f.Course, StringComparer.Ordinal).ToList();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (earliest, latest) = AcademicAge.DateOfBirthRange(11, today);
        var cutoff = appliedBy.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var yearEleven = access.VisibleTo(actor).Where(p => p.DateOfBirth >= earliest && p.DateOfBirth <= latest && p.CohortStatus == CohortStatus.P);
        var notApplied = await (from p in yearEleven
                                where !db.CourseApplications.Any(a => a.YoungPersonId == p.Id && a.SubmittedAt <= cutoff)
                                join s in db.Organisations on p.SchoolId equals s.Id into schools
                                from s in schools.DefaultIfEmpty()
                                orderby p.FamilyName, p.GivenName, p.Id
                                select new { p.Id, p.LocalId, p.GivenName, p.PreferredGivenName, p.FamilyName, p.PreferredFamilyName, p.DateOfBirth, School = s == null ? null : s.Name })
                               .AsNoTracking().ToListAsync(ct);
        var report = new ApplicationReport(appliedBy, bySchool, byProvider, byCourse, fillRates, await yearEleven.CountAsync(ct),
            notApplied.Select(p => new NotAppliedRow(p.Id, p.LocalId, $"{p.PreferredGivenName ?? p.GivenName} {p.PreferredFamilyName ?? p.FamilyName}", p.DateOfBirth, p.School)).ToList(),
            rows.Count);
        await audit.RecordAsync(actor, AuditActions.ApplicationsReported, details: new
        {
            list = "applications report",
            appliedBy = appliedBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            applications = rows.Count,
            notApplied = report.NotApplied.Count,
            download,
        }, cancellationToken: ct);
        return report;
    }

    /// <summary>One of <see cref="Tables"/> as CSV, every row, with a header line; cells that look like formulas are made text.</summary>
    public static string ToCsv(ApplicationReport report, string table)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        void Line(params string?[] fields) => csv.Append(Csv.Line(fields)).Append("\r\n");
        string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        switch (table)
        {
            case "by-school" or "by-provider" or "by-course":
                Line(table switch { "by-school" => "School", "by-provider" => "Provider", _ => "Course" }, "Applications", "Offers", "Accepted");
                foreach (var r in table switch { "by-school" => report.BySchool, "by-provider" => report.ByProvider, _ => report.ByCourse })
                {
                    Line(r.Name, N(r.Applications), N(r.Offers), N(r.Accepted));
                }

                break;
            case "fill-rates":
                Line("Course", "Provider", "Places", "Accepted", "Filled (%)", "Applications");
                foreach (var f in report.FillRates)
                {
                    Line(f.Course, f.Provider, N(f.Capacity), N(f.Accepted), N(f.PercentFilled), N(f.Applications));
                }

                break;
            case "not-applied":
                Line("Local ID", "Name", "Date of birth", "School");
                foreach (var p in report.NotApplied)
                {
                    Line(p.LocalId, p.Name, Csv.Date(p.DateOfBirth), p.School);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(table), table, "Not one of the report's tables.");
        }

        return csv.ToString();
    }
}
