namespace Waypoint.Core.Organisations;

public enum OrganisationKind
{
    LocalAuthority,
    SchoolOrCollege,
    CareersGuidanceProvider,
    LearningProvider,
}

/// <summary>
/// A body whose staff sign in to Waypoint. Every organisation belongs to the area of one local
/// authority (<see cref="LaCode"/>); that is what decides which young people its staff may see.
/// </summary>
public class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }

    /// <summary>DfE 3-digit LA code: the LA itself, or the LA whose area the organisation is in or serves.</summary>
    public required string LaCode { get; set; }

    /// <summary>Unique reference number from Get Information about Schools (schools and colleges).</summary>
    public string? Urn { get; set; }

    /// <summary>DfE establishment number (4 digits); with <see cref="LaCode"/> it forms the LAESTAB.</summary>
    public string? EstablishmentNumber { get; set; }

    /// <summary>UK Provider Reference Number (8 digits) for colleges and training providers.</summary>
    public string? Ukprn { get; set; }

    public string? Postcode { get; set; }
    public bool HasSixthForm { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    public string? LaEstab => EstablishmentNumber is null ? null : LaCode + EstablishmentNumber;
}
