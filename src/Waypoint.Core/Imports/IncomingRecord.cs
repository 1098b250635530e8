using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Imports;

/// <summary>The kinds of file Waypoint takes in; the CLI names them roll, ctf, enrolments and benefit-claims.</summary>
public enum ImportKind
{
    Roll,
    Ctf,
    Enrolments,
    BenefitClaims,
}

/// <summary>
/// A row that cannot be taken, and why. <see cref="Row"/> is the CSV line the row starts on (the header is line 1) or,
/// for a CTF, the position of the <c>Pupil</c> element (1 for the first); <see cref="Field"/> is the column or element name.
/// </summary>
public sealed record ImportRowError(int Row, string Field, string? Value, string Reason);

public sealed record IncomingAddress(string? Line1, string? Line2, string? Line3, string? Town, string? County, string? Postcode);

/// <summary>One school a pupil attended (CTF <c>SchoolHistory/School</c>).</summary>
public sealed record IncomingSchoolPeriod(string? LaCode, string? Estab, string? SchoolName, DateOnly? EntryDate, DateOnly? LeavingDate, string? LeavingReason);

/// <summary>
/// A learning provider's enrolment or leaver line. <see cref="LeftOn"/> set means the young person has left: the
/// activity ends and a NEET-risk follow-up opens. <see cref="ActivityCode"/> is the NCCIS code when the provider
/// gives one (or the importer can work it out from the mode of study), else null.
/// </summary>
public sealed record IncomingEnrolment(
    string Ukprn,
    string? ProviderName,
    string? CourseTitle,
    string? ActivityCode,
    DateOnly StartDate,
    DateOnly? PlannedEndDate,
    DateOnly? LeftOn,
    string? LeavingReason);

/// <summary>A notice that a 16-19 year old has claimed a benefit (from DWP via the LA).</summary>
public sealed record IncomingBenefitClaim(DateOnly ClaimDate, string BenefitType, string? NationalInsuranceNumber);

/// <summary>
/// One person as a file describes them, parsed, checked and normalised (postcode in standard form, names trimmed,
/// codes upper case). Every importer produces these; matching and committing work on them alone.
/// </summary>
public sealed record IncomingRecord
{
    public required int Row { get; init; }
    public string? Upn { get; init; }
    public string? FormerUpn { get; init; }
    public string? Uln { get; init; }
    public required string GivenName { get; init; }
    public string? MiddleNames { get; init; }
    public required string FamilyName { get; init; }
    public string? PreferredGivenName { get; init; }
    public string? PreferredFamilyName { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public Gender Gender { get; init; } = Gender.U;

    /// <summary>NCCIS / census ethnicity code (YP27), when given and valid.</summary>
    public string? EthnicityCode { get; init; }
    public IncomingAddress? Address { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    /// <summary>The school or college the file is about: 7-digit LAESTAB, URN or UKPRN as the file gives it.</summary>
    public string? SchoolLaEstab { get; init; }
    public string? SchoolUrn { get; init; }
    public string? SchoolName { get; init; }

    /// <summary>National curriculum year (NCyearActual), 7-14.</summary>
    public int? YearGroup { get; init; }

    public bool? FreeSchoolMeals { get; init; }

    /// <summary>Census SEN provision: N none, K SEN support, E EHC plan.</summary>
    public string? SenProvision { get; init; }
    public bool? LookedAfter { get; init; }
    public bool? YoungCarer { get; init; }
    public bool? EnglishAdditionalLanguage { get; init; }

    /// <summary>Sessions attended as a share of sessions possible this year, 0-100.</summary>
    public decimal? AttendancePercent { get; init; }
    public int? Suspensions { get; init; }
    public int? PermanentExclusions { get; init; }
    public IReadOnlyList<IncomingSchoolPeriod> SchoolHistory { get; init; } = [];
    public IncomingEnrolment? Enrolment { get; init; }
    public IncomingBenefitClaim? BenefitClaim { get; init; }
}

/// <summary>
/// What a parser made of a file. <see cref="FileError"/> set means the file was refused as a whole (hostile XML, too
/// large, not the expected format) and <see cref="Records"/> is empty; otherwise bad rows are in <see cref="Rejected"/>
/// and the rest are in <see cref="Records"/>.
/// </summary>
public sealed class ParsedFile
{
    public required string FileName { get; init; }
    public required ImportKind Kind { get; init; }
    public string? FileError { get; set; }
    public List<IncomingRecord> Records { get; } = [];
    public List<ImportRowError> Rejected { get; } = [];

    /// <summary>Not errors, but worth saying: an unexpected CTF version, columns ignored, a Windows-1252 file.</summary>
    public List<string> Warnings { get; } = [];
    public int RowsRead { get; set; }
}

public sealed class ImportLimits
{
    public long MaxBytes { get; init; } = 200L * 1024 * 1024;
    public int MaxRows { get; init; } = 500_000;
}
