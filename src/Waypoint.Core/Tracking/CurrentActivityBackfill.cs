using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;

namespace Waypoint.Core.Tracking;

/// <summary>
/// Fills the derived current-activity columns for records written before they existed (or by bulk loads that skip
/// them). Runs after migrations; does nothing once every record with activities has them.
/// </summary>
public static class CurrentActivityBackfill
{
    public static async Task<int> RunAsync(WaypointDbContext db, CurrencyCalculator currency, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.YoungPeople.Include(p => p.Activities)
                .Where(p => p.CurrentActivityId == null && p.Activities.Any())
                .OrderBy(p => p.Id).Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }

            foreach (var person in batch)
            {
                CurrentActivity.Apply(person, currency);
                person.PostcodeDistrict ??= person.Postcode is null ? null : Identifiers.Postcode.District(person.Postcode);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}
