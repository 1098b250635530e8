namespace Waypoint.Core.Prospectus;

public enum ApplicationStatus
{
    Submitted,
    InterviewInvited,
    ConditionalOffer,
    UnconditionalOffer,
    Declined,
    Accepted,
    Withdrawn,

    /// <summary>The young person accepted another offer, which closes this one.</summary>
    OfferReleased,
}

/// <summary>A young person's application to one course through the common application process.</summary>
public class CourseApplication
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public Guid CourseId { get; set; }

    /// <summary>Copied from the course so provider queries need no join and a moved course keeps its applications.</summary>
    public Guid ProviderId { get; set; }
    public ApplicationStatus Status { get; set; }
    public required string PersonalStatement { get; set; }
    public string? OfferConditions { get; set; }
    public string? ProviderNote { get; set; }
    public DateOnly? InterviewOn { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
}

/// <summary>
/// The one profile a young person shares with every provider they apply to: drawn from their Waypoint record at first,
/// then edited by them. The referee is a member of staff at their school.
/// </summary>
public class ApplicantProfile
{
    public Guid YoungPersonId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Qualifications { get; set; }
    public string? Interests { get; set; }
    public string? SupportNeeds { get; set; }
    public string? RefereeName { get; set; }
    public string? RefereeEmail { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class ApplicationStatuses
{
    public static bool IsOffer(this ApplicationStatus status) => status is ApplicationStatus.ConditionalOffer or ApplicationStatus.UnconditionalOffer;

    /// <summary>Still in play: counts towards the limit and may still become an offer.</summary>
    public static bool IsLive(this ApplicationStatus status) =>
        status is ApplicationStatus.Submitted or ApplicationStatus.InterviewInvited or ApplicationStatus.ConditionalOffer
            or ApplicationStatus.UnconditionalOffer or ApplicationStatus.Accepted;

    public static string Describe(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "Submitted",
        ApplicationStatus.InterviewInvited => "Invited to interview",
        ApplicationStatus.ConditionalOffer => "Conditional offer",
        ApplicationStatus.UnconditionalOffer => "Unconditional offer",
        ApplicationStatus.Declined => "Unsuccessful",
        ApplicationStatus.Accepted => "Offer accepted",
        ApplicationStatus.Withdrawn => "Withdrawn",
        ApplicationStatus.OfferReleased => "Offer released",
        _ => status.ToString(),
    };

    /// <summary>The GOV.UK tag colour for the status.</summary>
    public static string TagClass(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "govuk-tag--blue",
        ApplicationStatus.InterviewInvited => "govuk-tag--light-blue",
        ApplicationStatus.ConditionalOffer or ApplicationStatus.UnconditionalOffer => "govuk-tag--turquoise",
        ApplicationStatus.Accepted => "govuk-tag--green",
        ApplicationStatus.Declined => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };
}
