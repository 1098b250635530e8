using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Matching;

namespace Waypoint.Web.Pages.Imports.Duplicates;

public class IndexModel(WaypointDbContext db, DuplicateService duplicates) : PageModel
{
    public sealed record Person(Guid Id, string LocalId, string Name, DateOnly DateOfBirth, string? Postcode, string? Upn);

    public sealed record Row(Person First, Person Second, MatchScore Score);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool Searched { get; private set; }

    public async Task OnGetAsync(bool search = false)
    {
        if (!search)
        {
            return;
        }

        Searched = true;
        var pairs = await duplicates.FindAsync(HttpContext.GetActor());
        var ids = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct().ToList();
        var people = await db.YoungPeople.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Person(p.Id, p.LocalId, p.GivenName + " " + p.FamilyName, p.DateOfBirth, p.Postcode, p.Upn))
            .ToDictionaryAsync(p => p.Id);
        Rows = pairs.Select(p => new Row(people[p.First], people[p.Second], p.Score)).ToList();
    }
}
