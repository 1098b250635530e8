using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Tracking;

/// <summary>The filter boxes every work list shares, bound from the query string so a filtered list can be bookmarked.</summary>
public sealed class WorkListQuery
{
    [FromQuery(Name = "school")]
    public Guid? School { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    [FromQuery(Name = "characteristic")]
    public string? Characteristic { get; set; }

    [FromQuery(Name = "district")]
    public string? District { get; set; }

    [FromQuery(Name = "adviser")]
    public Guid? Adviser { get; set; }

    public WorkListFilter ToFilter() => new(School, Year, Characteristic, string.IsNullOrWhiteSpace(District) ? null : District.Trim(), Adviser);

    public string QueryString(int? index = null, int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                parts.Add($"{key}={Uri.EscapeDataString(text)}");
            }
        }

        Add("school", School);
        Add("year", Year);
        Add("characteristic", Characteristic);
        Add("district", District);
        Add("adviser", Adviser);
        Add("i", index);
        Add("p", page);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

public sealed record WorkListChoices(IReadOnlyList<SelectListItem> Schools, IReadOnlyList<SelectListItem> Years, IReadOnlyList<SelectListItem> Characteristics, IReadOnlyList<SelectListItem> Advisers)
{
    public static async Task<WorkListChoices> LoadAsync(WaypointDbContext db, Actor actor)
    {
        var schools = await db.Organisations.Where(o => o.LaCode == actor.LaCode && (o.Kind == OrganisationKind.SchoolOrCollege || o.Kind == OrganisationKind.LearningProvider))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        var advisers = await db.Users.Where(u => u.Role == WaypointRole.PersonalAdviser && u.Organisation!.LaCode == actor.LaCode)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync();
        return new WorkListChoices(
            [new("All schools and colleges", ""), .. schools.Select(s => new SelectListItem(s.Name, s.Id.ToString()))],
            [new("All year groups", ""), .. Enumerable.Range(9, 6).Select(y => new SelectListItem($"Year {y}", y.ToString(CultureInfo.InvariantCulture)))],
            [new("Any characteristic", ""), .. CharacteristicCodes.All.Select(c => new SelectListItem($"{c.Key} {c.Value}", c.Key))],
            [new("Any adviser", ""), .. advisers.Select(a => new SelectListItem(a.DisplayName, a.Id.ToString()))]);
    }
}
