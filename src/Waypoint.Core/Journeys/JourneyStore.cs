using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;

namespace Waypoint.Core.Journeys;

/// <summary>Keeps a journey's answers in the database, each journey readable only by the user who started it.</summary>
public class JourneyStore(WaypointDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new();

    public async Task<Guid> StartAsync<T>(Guid userId, string kind, Guid? youngPersonId, T state, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var journey = new JourneyState { UserId = userId, Kind = kind, YoungPersonId = youngPersonId, Payload = JsonSerializer.Serialize(state, Json), CreatedAt = now, UpdatedAt = now };
        db.JourneyStates.Add(journey);

        // Journeys abandoned for a week are of no further use to anyone.
        var stale = now.AddDays(-7);
        await db.JourneyStates.Where(j => j.UserId == userId && j.UpdatedAt < stale).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return journey.Id;
    }

    public async Task<T?> GetAsync<T>(Guid journeyId, Guid userId, string kind, CancellationToken cancellationToken = default) where T : class
    {
        var payload = await db.JourneyStates.Where(j => j.Id == journeyId && j.UserId == userId && j.Kind == kind).Select(j => j.Payload).SingleOrDefaultAsync(cancellationToken);
        return payload is null ? null : JsonSerializer.Deserialize<T>(payload, Json);
    }

    public async Task SaveAsync<T>(Guid journeyId, Guid userId, T state, CancellationToken cancellationToken = default)
    {
        var journey = await db.JourneyStates.SingleAsync(j => j.Id == journeyId && j.UserId == userId, cancellationToken);
        journey.Payload = JsonSerializer.Serialize(state, Json);
        journey.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task EndAsync(Guid journeyId, Guid userId, CancellationToken cancellationToken = default) =>
        await db.JourneyStates.Where(j => j.Id == journeyId && j.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
