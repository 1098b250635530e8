using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;

namespace Waypoint.Core.Prospectus;

public enum CourseSort
{
    Relevance,
    Distance,
    StartDate,
}

public sealed record CourseSearchQuery(
    string? Text = null,
    IReadOnlyList<int>? Levels = null,
    IReadOnlyList<QualificationType>? Types = null,
    string? Subject = null,
    Guid? ProviderId = null,
    DateOnly? StartFrom = null,
    string? Postcode = null,
    double? RadiusMiles = null,
    CourseSort Sort = CourseSort.Relevance,
    int Page = 1,
    int PageSize = 20);

public sealed record CourseHit(CourseSummary Course, double Score, double? Miles);

public sealed record CourseSearchResult(int Total, int Page, int PageSize, IReadOnlyList<CourseHit> Hits, bool PostcodeNotFound)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Holds the current <see cref="CourseSearchIndex"/> for the process. One per host; a rebuild replaces it whole so
/// searches running meanwhile keep the one they started with.
/// </summary>
public sealed class CourseIndexCache(ProspectusOptions options) : IDisposable
{
    private readonly SemaphoreSlim rebuild = new(1, 1);
    private long checkedAt;

    public CourseSearchIndex? Current { get; private set; }

    /// <summary>The next search rebuilds: called by every change to courses in this process.</summary>
    public void Invalidate() => Current = null;

    public void Dispose() => rebuild.Dispose();

    public async Task<CourseSearchIndex> GetAsync(WaypointDbContext db, CancellationToken cancellationToken)
    {
        // Changes made in this process invalidate at once; the database is asked only every few seconds, for changes
        // made by another process (the CLI, a second web server), so a search costs no query at all most of the time.
        if (Current is { } fresh && Environment.TickCount64 - Interlocked.Read(ref checkedAt) < options.IndexCheckSeconds * 1000L)
        {
            return fresh;
        }

        // Courses are never deleted (withdrawn ones are unpublished), so the count and the latest change show any
        // change, including one made by another process such as the CLI.
        var stats = await db.Courses.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Latest = g.Max(c => c.UpdatedAt) }).FirstOrDefaultAsync(cancellationToken);
        var stamp = stats is null ? "0" : $"{stats.Count}:{stats.Latest.Ticks.ToString(CultureInfo.InvariantCulture)}";
        if (Current is { } current && current.Stamp == stamp)
        {
            Interlocked.Exchange(ref checkedAt, Environment.TickCount64);
            return current;
        }

        await rebuild.WaitAsync(cancellationToken);
        try
        {
            if (Current is { } built && built.Stamp == stamp)
            {
                return built;
            }

            var rows = await (from c in db.Courses.AsNoTracking()
                              join o in db.Organisations.AsNoTracking() on c.ProviderId equals o.Id
                              where c.IsPublished
                              select new
                              {
                                  c.Id, c.ProviderId, ProviderName = o.Name, c.Title, c.QualificationType, c.Level, c.SubjectArea, c.StartDate,
                                  c.StudyMode, c.Venue, c.VenuePostcode, o.LaCode, c.Description, c.EntryRequirements,
                              }).ToListAsync(cancellationToken);
            var index = new CourseSearchIndex(rows.Select(r => new IndexedCourse(
                new CourseSummary(r.Id, r.ProviderId, r.ProviderName, r.Title, r.QualificationType, r.Level, r.SubjectArea, r.StartDate,
                    r.StudyMode, r.Venue, r.VenuePostcode, PostcodeDistricts.Locate(r.VenuePostcode), r.LaCode),
                r.Description, r.EntryRequirements)), stamp);
            Current = index;
            Interlocked.Exchange(ref checkedAt, Environment.TickCount64);
            return index;
        }
        finally
        {
            rebuild.Release();
        }
    }
}

/// <summary>The public course search: free text, filters, distance from a postcode, sorting and pages.</summary>
public class CourseSearch(WaypointDbContext db, CourseIndexCache cache)
{
    public Task<CourseSearchIndex> IndexAsync(CancellationToken cancellationToken = default) => cache.GetAsync(db, cancellationToken);

    public async Task<CourseSearchResult> SearchAsync(CourseSearchQuery query, CancellationToken cancellationToken = default)
    {
        var index = await cache.GetAsync(db, cancellationToken);
        GeoPoint? origin = null;
        var postcodeNotFound = false;
        if (!string.IsNullOrWhiteSpace(query.Postcode))
        {
            origin = PostcodeDistricts.Locate(query.Postcode);
            postcodeNotFound = origin is null;
        }

        var levels = query.Levels is { Count: > 0 } l ? l.ToHashSet() : null;
        var types = query.Types is { Count: > 0 } t ? t.ToHashSet() : null;
        var subject = string.IsNullOrWhiteSpace(query.Subject) ? null : query.Subject.Trim();
        bool Filter(CourseSummary c) =>
            (levels is null || levels.Contains(c.Level))
            && (types is null || types.Contains(c.QualificationType))
            && (subject is null || string.Equals(c.SubjectArea, subject, StringComparison.OrdinalIgnoreCase))
            && (query.ProviderId is null || c.ProviderId == query.ProviderId)
            && (query.StartFrom is null || c.StartDate >= query.StartFrom);

        var hits = index.Match(query.Text, Filter)
            .Select(m => new CourseHit(m.Course, m.Score, origin is { } o && m.Course.Location is { } at ? Math.Round(o.MilesTo(at), 1) : null));
        if (origin is not null && query.RadiusMiles is { } radius)
        {
            hits = hits.Where(h => h.Miles is { } miles && miles <= radius);
        }

        var matched = hits.ToList();
        var sort = query.Sort == CourseSort.Distance && origin is null ? CourseSort.Relevance : query.Sort;
        var hasText = !string.IsNullOrWhiteSpace(query.Text);
        var ordered = sort switch
        {
            CourseSort.Distance => matched.OrderBy(h => h.Miles ?? double.MaxValue).ThenByDescending(h => h.Score).ThenBy(h => h.Course.Title, StringComparer.Ordinal),
            CourseSort.StartDate => matched.OrderBy(h => h.Course.StartDate).ThenBy(h => h.Course.Title, StringComparer.Ordinal),
            _ when hasText => matched.OrderByDescending(h => h.Score).ThenBy(h => h.Course.Title, StringComparer.Ordinal),
            _ => matched.OrderBy(h => h.Course.Title, StringComparer.Ordinal).ThenBy(h => h.Course.ProviderName, StringComparer.Ordinal),
        };
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var total = matched.Count;
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pages);

        // LINQ's OrderBy followed by Skip and Take sorts only as far as the page needs.
        return new CourseSearchResult(total, page, pageSize, ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList(), postcodeNotFound);
    }
}
