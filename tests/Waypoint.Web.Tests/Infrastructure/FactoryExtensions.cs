using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;

namespace Waypoint.Web.Tests.Infrastructure;

public static class FactoryExtensions
{
    public static async Task<List<AuditEvent>> AuditEventsAsync(this WaypointWebFactory factory, Func<IQueryable<AuditEvent>, IQueryable<AuditEvent>> filter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        return await filter(db.AuditEvents.AsNoTracking()).OrderBy(e => e.Id).ToListAsync();
    }
}
