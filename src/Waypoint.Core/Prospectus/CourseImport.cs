using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Imports.Parsing;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;

namespace Waypoint.Core.Prospectus;

public sealed record CourseImportRejection(int Row, string Field, string Value, string Reason);

public sealed record CourseImportOutcome(
    string Sha256,
    int RowsRead,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<CourseImportRejection> Rejected,
    string? FileError,
    bool Committed);

/// <summary>
/// A provider's course list as CSV, loaded by an LA administrator with the same safety as the other imports: a preview
/// writes nothing and says what each row would do; the commit runs the same file again in one transaction. A course is
/// the same course when the provider, title, start date and venue postcode match, so loading a file again changes
/// nothing. Read with the imports' own CSV reader (RFC 4180, UTF-8 or Windows-1252).
/// </summary>
public class CourseImport(WaypointDbContext db, AuditTrail audit, TimeProvider clock, CourseIndexCache index)
{
    public const int MaxRows = 5000;

    public static readonly string[] Columns =
    [
        "title", "qualification type", "level", "subject area", "entry requirements", "start date", "duration months", "study mode",
        "venue", "venue postcode", "capacity", "application deadline", "description",
    ];

    private static readonly string[] Required = ["title", "qualification type", "level", "subject area", "start date", "duration months", "venue", "venue postcode", "capacity"];

    public async Task<CourseImportOutcome> RunAsync(Actor actor, Guid providerId, byte[] file, string fileName, bool commit, CancellationToken cancellationToken = default)
    {
        if (actor.Role != WaypointRole.LaAdministrator || actor.LaCode is null
            || !await db.Organisations.AnyAsync(o => o.Id == providerId && o.LaCode == actor.LaCode, cancellationToken))
        {
            throw new RuleViolationException([new RuleViolation("ProviderId", "Choose a provider in your area", null)]);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        var (rows, rejected, error, read) = Parse(file, providerId);
        if (error is not null)
        {
            return new CourseImportOutcome(sha, 0, 0, 0, 0, [], error, false);
        }

        var existing = await db.Courses.Where(c => c.ProviderId == providerId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        int created = 0, updated = 0, unchanged = 0;
        await using var transaction = commit ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var row in rows)
        {
            var match = existing.FirstOrDefault(c => string.Equals(c.Title, row.Title, StringComparison.OrdinalIgnoreCase) && c.StartDate == row.StartDate && c.VenuePostcode == row.VenuePostcode);
            if (match is null)
            {
                created++;
                if (commit)
                {
                    var course = new Course { Title = row.Title, SubjectArea = row.SubjectArea, Venue = row.Venue, VenuePostcode = row.VenuePostcode, CreatedAt = now };
                    Apply(course, row, now);
                    db.Courses.Add(course);
                    existing.Add(course);
                }
            }
            else if (Same(match, row))
            {
                unchanged++;
            }
            else
            {
                updated++;
                if (commit)
                {
                    Apply(match, row, now);
                }
            }
        }

        if (commit)
        {
            audit.Add(actor, AuditActions.CoursesImported, entityType: "CourseFile", entityId: sha, details: new { providerId, file = fileName, sha256 = sha, rows = read, created, updated, unchanged, rejected = rejected.Count });
            await db.SaveChangesAsync(cancellationToken);
            await transaction!.CommitAsync(cancellationToken);
            index.Invalidate();
        }

        return new CourseImportOutcome(sha, read, created, updated, unchanged, rejected, null, commit);
    }

    private static bool Same(Course c, SaveCourseOptions r) =>
        c.QualificationType == r.QualificationType && c.Level == r.Level && c.SubjectArea == r.SubjectArea && c.EntryRequirements == (r.EntryRequirements ?? "")
        && c.DurationMonths == r.DurationMonths && c.StudyMode == r.StudyMode && c.Venue == r.Venue && c.Capacity == r.Capacity
        && c.ApplicationDeadline == r.ApplicationDeadline && c.Description == (r.Description ?? "") && c.IsPublished;

    private static void Apply(Course c, SaveCourseOptions r, DateTime now)
    {
        c.ProviderId = r.ProviderId;
        c.Title = r.Title;
        c.QualificationType = r.QualificationType;
        c.Level = r.Level;
        c.SubjectArea = r.SubjectArea;
        c.EntryRequirements = r.EntryRequirements ?? "";
        c.StartDate = r.StartDate;
        c.DurationMonths = r.DurationMonths;
        c.StudyMode = r.StudyMode;
        c.Venue = r.Venue;
        c.VenuePostcode = r.VenuePostcode;
        c.Capacity = r.Capacity;
        c.ApplicationDeadline = r.ApplicationDeadline;
        c.Description = r.Description ?? "";
        c.IsPublished = true;
        c.UpdatedAt = now;
    }

    private static string Fold(string header) => new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static (List<SaveCourseOptions> Rows, List<CourseImportRejection> Rejected, string? Error, int Read) Parse(byte[] file, Guid providerId)
    {
        using var text = new CsvText().Open(new MemoryStream(file));
        var reader = new CsvReader(text);
        var fields = new List<string>();
        if (!reader.ReadRecord(fields, out _, out _))
        {
            return ([], [], "The file is empty", 0);
        }

        var positions = new Dictionary<string, int>();
        for (var i = 0; i < fields.Count; i++)
        {
            var name = Columns.FirstOrDefault(c => Fold(c) == Fold(fields[i]));
            if (name is not null)
            {
                positions.TryAdd(name, i);
            }
        }

        var missing = Required.Where(r => !positions.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            return ([], [], $"The file has no {string.Join(", ", missing)} column. The first row must name the columns: {string.Join(", ", Columns)}", 0);
        }

        var rows = new List<SaveCourseOptions>();
        var rejected = new List<CourseImportRejection>();
        var read = 0;
        while (reader.ReadRecord(fields, out var line, out var unterminated))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++read > MaxRows)
            {
                return ([], [], $"The file has more than {MaxRows:N0} courses", read);
            }

            if (unterminated)
            {
                rejected.Add(new(line, "", "", "A quoted value is never closed"));
                continue;
            }

            string Get(string column) => positions.TryGetValue(column, out var at) && at < fields.Count ? fields[at].Trim() : "";
            var problems = new List<CourseImportRejection>();
            void Reject(string column, string reason) => problems.Add(new(line, column, Get(column), reason));

            QualificationType type = default;
            var typeText = Fold(Get("qualification type"));
            var typeMatch = Enum.GetValues<QualificationType>().Where(t => Fold(t.ToString()) == typeText || Fold(t.Describe()) == typeText || (t == QualificationType.Technical && typeText is "btec" or "technical")).ToList();
            if (typeMatch.Count == 1)
            {
                type = typeMatch[0];
            }
            else
            {
                Reject("qualification type", "Use A level, T Level, Technical, Apprenticeship, Foundation or entry level, or Supported internship");
            }

            var levelText = Get("level").ToLowerInvariant().Replace("level", "", StringComparison.Ordinal).Trim();
            var level = levelText == "entry" ? 0 : int.TryParse(levelText, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : -1;
            DateOnly? Date(string column)
            {
                var value = Get(column);
                if (value.Length == 0)
                {
                    return null;
                }

                if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return d;
                }

                Reject(column, "Write dates as 2027-09-06 or 06/09/2027");
                return null;
            }

            int Number(string column) => int.TryParse(Get(column), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            var start = Date("start date");
            var deadline = Date("application deadline");
            if (start is null && Get("start date").Length == 0)
            {
                Reject("start date", "Enter the start date");
            }

            var modeText = Fold(Get("study mode"));
            var mode = modeText switch
            {
                "" or "fulltime" => StudyMode.FullTime,
                "parttime" => StudyMode.PartTime,
                "workbased" => StudyMode.WorkBased,
                _ => (StudyMode?)null,
            };
            if (mode is null)
            {
                Reject("study mode", "Use full time, part time or work-based");
            }

            if (problems.Count == 0)
            {
                var options = new SaveCourseOptions(null, providerId, Get("title"), type, level, Get("subject area"), Get("entry requirements"), start!.Value,
                    Number("duration months"), mode!.Value, Get("venue"), Postcode.IsValid(Get("venue postcode")) ? Postcode.Normalise(Get("venue postcode")) : Get("venue postcode"),
                    Number("capacity"), deadline, Get("description"), true);
                foreach (var v in CourseService.Check(options))
                {
                    var column = Columns.FirstOrDefault(c => Fold(c) == Fold(v.Field)) ?? v.Field;
                    Reject(column, v.Message);
                }

                if (problems.Count == 0)
                {
                    rows.Add(options);
                }
            }

            rejected.AddRange(problems);
        }

        return (rows, rejected, null, read);
    }
}
