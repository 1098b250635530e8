namespace Waypoint.Core.Prospectus;

public enum QualificationType
{
    ALevel,
    TLevel,
    Technical,
    Apprenticeship,
    FoundationEntry,
    SupportedInternship,
}

public enum StudyMode
{
    FullTime,
    PartTime,
    WorkBased,
}

/// <summary>
/// A course or apprenticeship a learning provider publishes in the area prospectus. The provider is an
/// <see cref="Organisations.Organisation"/> (a school with a sixth form, a college, a training provider or an employer).
/// Courses are withdrawn, never deleted, so applications keep what they applied to.
/// </summary>
public class Course
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProviderId { get; set; }
    public required string Title { get; set; }
    public QualificationType QualificationType { get; set; }

    /// <summary>RQF level: 0 for entry level, 1 to 8 above it.</summary>
    public int Level { get; set; }
    public required string SubjectArea { get; set; }
    public string EntryRequirements { get; set; } = "";
    public DateOnly StartDate { get; set; }

    /// <summary>Length in months.</summary>
    public int DurationMonths { get; set; }
    public StudyMode StudyMode { get; set; }
    public required string Venue { get; set; }
    public required string VenuePostcode { get; set; }
    public int Capacity { get; set; }
    public DateOnly? ApplicationDeadline { get; set; }
    public string Description { get; set; } = "";
    public bool IsPublished { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class CourseText
{
    public static string Describe(this QualificationType type) => type switch
    {
        QualificationType.ALevel => "A level",
        QualificationType.TLevel => "T Level",
        QualificationType.Technical => "BTEC or technical qualification",
        QualificationType.Apprenticeship => "Apprenticeship",
        QualificationType.FoundationEntry => "Foundation or entry level",
        QualificationType.SupportedInternship => "Supported internship",
        _ => type.ToString(),
    };

    public static string Describe(this StudyMode mode) => mode switch
    {
        StudyMode.FullTime => "Full time",
        StudyMode.PartTime => "Part time",
        StudyMode.WorkBased => "Work-based",
        _ => mode.ToString(),
    };

    public static string LevelName(int level) => level == 0 ? "Entry level" : $"Level {level}";

    public static string Duration(int months) => months % 12 == 0
        ? (months == 12 ? "1 year" : $"{months / 12} years")
        : (months == 1 ? "1 month" : $"{months} months");
}
