namespace Waypoint.Core.Tasks;

public enum FollowUpKind
{
    BecameNeet,
    BecameNotKnown,
    ReviewDue,

    /// <summary>A provider said the young person left learning: find out what they do now.</summary>
    LeftLearning,

    /// <summary>A benefit claim was notified: check whether the young person is NEET and offer support.</summary>
    BenefitClaim,

    /// <summary>A provider declined an application and the young person holds no other offer.</summary>
    NoOffer,
    Manual,

    /// <summary>An action of the young person's action plan is due.</summary>
    ActionDue,

    /// <summary>The young person turns 18 soon: talk about Jobcentre Plus and adult services.</summary>
    Approaching18,
}

/// <summary>Something an adviser must do for a young person by a date. Rule-made tasks say which rule made them.</summary>
public class FollowUpTask
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }

    /// <summary>Null when the young person has no adviser: the task waits on the tracking team's list.</summary>
    public Guid? AssignedToUserId { get; set; }
    public FollowUpKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public Guid? SourceActivityId { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid? CompletedByUserId { get; set; }
    public string? Outcome { get; set; }
}
