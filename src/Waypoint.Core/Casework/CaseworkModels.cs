namespace Waypoint.Core.Casework;

public enum ContactChannel
{
    FaceToFace,
    Phone,
    Text,
    Email,
    Webchat,
    Video,
    GroupSession,
    HomeVisit,
}

public enum ContactType
{
    GuidanceInterview,
    Review,
    TrackingContact,
    Advocacy,
    Brokerage,
    GroupWork,
    SendTransitionReview,
}

/// <summary>Why a note is sensitive. Anything but <see cref="None"/> is masked except for the roles <c>Casework:SensitiveNoteRoles</c> allows.</summary>
public enum NoteSensitivity
{
    None,
    Safeguarding,
    Health,
    Offending,
}

/// <summary>One contact or intervention between an adviser and a young person (guidance ch. 2: IAG, advocacy, brokerage).</summary>
public class CaseContact
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public ContactChannel Channel { get; set; }
    public ContactType Type { get; set; }
    public int? DurationMinutes { get; set; }
    public string? Location { get; set; }
    public string? Outcome { get; set; }
    public string? Note { get; set; }
    public NoteSensitivity Sensitivity { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAt { get; set; }

    public bool IsSensitive => Sensitivity != NoteSensitivity.None;
}

public enum ActionOwner
{
    YoungPerson,
    Adviser,
    Parent,
    Provider,
}

public enum PlanActionStatus
{
    ToDo,
    InProgress,
    Done,
    NoLongerNeeded,
}

/// <summary>One step of the action plan agreed with the young person.</summary>
public class PlanAction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public Guid? ContactId { get; set; }
    public required string Description { get; set; }
    public ActionOwner Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public PlanActionStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOpen => Status is PlanActionStatus.ToDo or PlanActionStatus.InProgress;
}

public enum ReferralService
{
    EarlyHelp,
    SocialCare,
    YouthJustice,
    Health,
    Housing,
    BenefitsAdvice,
    EmploymentSupport,
    TrainingProvider,
    Mentoring,
}

public enum ReferralStatus
{
    Made,
    Accepted,
    Declined,
    Closed,
}

/// <summary>
/// A referral to another service. A safeguarding concern is a referral with <see cref="IsSafeguarding"/> set: it names
/// the designated safeguarding person it went to and is never shown to parents or carers.
/// </summary>
public class Referral
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public ReferralService Service { get; set; }
    public bool IsSafeguarding { get; set; }
    public string? DesignatedPerson { get; set; }
    public required string Reason { get; set; }
    public ReferralStatus Status { get; set; }
    public DateOnly MadeOn { get; set; }
    public DateOnly? StatusChangedOn { get; set; }
    public string? Outcome { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An adviser's entry in the LA's adviser register (one per adviser user), with their team leader.</summary>
public class AdviserProfile
{
    public Guid UserId { get; set; }
    public Guid? TeamLeaderUserId { get; set; }
    public string? ProfessionalBody { get; set; }
    public string? RegistrationNumber { get; set; }
    public DateOnly? TrainingNeedsAuditOn { get; set; }
}

public class AdviserQualification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }

    /// <summary>The Regulated Qualifications Framework level: 4 is the minimum for advisers, 6 is expected for careers guidance.</summary>
    public int Level { get; set; }
    public required string Title { get; set; }
    public DateOnly AwardedOn { get; set; }
}

public class CpdEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public DateOnly CompletedOn { get; set; }
    public required string Title { get; set; }
    public double Hours { get; set; }
}

public static class CaseworkText
{
    public static string Describe(ContactChannel channel) => channel switch
    {
        ContactChannel.FaceToFace => "Face to face",
        ContactChannel.Phone => "Phone",
        ContactChannel.Text => "Text message",
        ContactChannel.Email => "Email",
        ContactChannel.Webchat => "Webchat",
        ContactChannel.Video => "Video call",
        ContactChannel.GroupSession => "Group session",
        ContactChannel.HomeVisit => "Home visit",
        _ => channel.ToString(),
    };

    public static string Describe(ContactType type) => type switch
    {
        ContactType.GuidanceInterview => "Guidance interview",
        ContactType.Review => "Review",
        ContactType.TrackingContact => "Tracking contact",
        ContactType.Advocacy => "Advocacy",
        ContactType.Brokerage => "Brokerage",
        ContactType.GroupWork => "Group work",
        ContactType.SendTransitionReview => "Transition review (SEND)",
        _ => type.ToString(),
    };

    public static string Describe(NoteSensitivity sensitivity) => sensitivity switch
    {
        NoteSensitivity.None => "Not sensitive",
        NoteSensitivity.Safeguarding => "Safeguarding",
        NoteSensitivity.Health => "Health",
        NoteSensitivity.Offending => "Offending",
        _ => sensitivity.ToString(),
    };

    /// <summary>Plain-language owner, as the young person reads their printed plan ("You", "Your adviser").</summary>
    public static string DescribeForYoungPerson(ActionOwner owner) => owner switch
    {
        ActionOwner.YoungPerson => "You",
        ActionOwner.Adviser => "Your adviser",
        ActionOwner.Parent => "Your parent or carer",
        ActionOwner.Provider => "Your school, college or training provider",
        _ => owner.ToString(),
    };

    public static string Describe(ActionOwner owner) => owner switch
    {
        ActionOwner.YoungPerson => "Young person",
        ActionOwner.Adviser => "Adviser",
        ActionOwner.Parent => "Parent or carer",
        ActionOwner.Provider => "Provider",
        _ => owner.ToString(),
    };

    public static string Describe(PlanActionStatus status) => status switch
    {
        PlanActionStatus.ToDo => "To do",
        PlanActionStatus.InProgress => "Started",
        PlanActionStatus.Done => "Done",
        PlanActionStatus.NoLongerNeeded => "No longer needed",
        _ => status.ToString(),
    };

    public static string Describe(ReferralService service) => service switch
    {
        ReferralService.EarlyHelp => "Early Help (CAF)",
        ReferralService.SocialCare => "Children's social care",
        ReferralService.YouthJustice => "Youth justice",
        ReferralService.Health => "Health",
        ReferralService.Housing => "Housing",
        ReferralService.BenefitsAdvice => "Benefits advice",
        ReferralService.EmploymentSupport => "Employment support",
        ReferralService.TrainingProvider => "Training provider",
        ReferralService.Mentoring => "Mentoring",
        _ => service.ToString(),
    };

    public static string Describe(ReferralStatus status) => status switch
    {
        ReferralStatus.Made => "Made",
        ReferralStatus.Accepted => "Accepted",
        ReferralStatus.Declined => "Declined",
        ReferralStatus.Closed => "Closed",
        _ => status.ToString(),
    };
}
