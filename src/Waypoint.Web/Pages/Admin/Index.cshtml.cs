using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Dashboards;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Web.Pages.Shared;

namespace Waypoint.Web.Pages.Admin;

public sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind, string LaCode, string? Urn, string? EstablishmentNumber, string? Ukprn, int Users);

public class IndexModel(YoungPersonAccess access, CohortOverview overview, WaypointDbContext db) : StaffHomeModel(access, overview, db)
{
    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync(11, 13, withLists: false);
        var laCode = HttpContext.GetActor().LaCode;
        Organisations = await Db.Organisations.Where(o => o.LaCode == laCode).OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.LaCode, o.Urn, o.EstablishmentNumber, o.Ukprn, Db.Users.Count(u => u.OrganisationId == o.Id)))
            .ToListAsync();
    }
}
