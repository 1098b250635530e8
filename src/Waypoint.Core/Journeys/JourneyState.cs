namespace Waypoint.Core.Journeys;

/// <summary>
/// The answers of a multi-page question journey, kept on the server between pages so nothing typed is lost
/// if the browser closes or the app restarts. Deleted on completion or cancel; old ones are cleaned up.
/// </summary>
public class JourneyState
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public required string Kind { get; set; }
    public Guid? YoungPersonId { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
