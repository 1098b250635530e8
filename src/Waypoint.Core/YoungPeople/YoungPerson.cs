using Waypoint.Core.Organisations;

namespace Waypoint.Core.YoungPeople;

/// <summary>NCCIS YP07 gender codes.</summary>
public enum Gender
{
    F,
    M,
    U,
    W,
}

/// <summary>NCCIS YP10 cohort status.</summary>
public enum CohortStatus
{
    /// <summary>Current, the LA is responsible.</summary>
    P,
    /// <summary>September Guarantee only.</summary>
    G,
    /// <summary>Aged out.</summary>
    A,
    /// <summary>Transferred to another LA.</summary>
    T,
    /// <summary>Left England.</summary>
    E,
    /// <summary>Merged duplicate.</summary>
    M,
    /// <summary>Deceased.</summary>
    D,
    /// <summary>EHC plan ceased.</summary>
    L,
}

public class YoungPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The LA's own identifier, the 10 digits after the database ID in the NCCIS YoungPersonsID.</summary>
    public required string LocalId { get; set; }

    public required string GivenName { get; set; }
    public string? MiddleNames { get; set; }
    public required string FamilyName { get; set; }
    public string? PreferredGivenName { get; set; }
    public string? PreferredFamilyName { get; set; }

    /// <summary>Lower-case, accent- and punctuation-free "given family" used for tolerant name search.</summary>
    public string SearchName { get; set; } = "";

    public DateOnly DateOfBirth { get; set; }
    public Gender Gender { get; set; }

    /// <summary>NCCIS YP27 four-character ethnicity code.</summary>
    public required string EthnicityCode { get; set; }

    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? AddressLine3 { get; set; }
    public string? Town { get; set; }
    public string? County { get; set; }
    public string? Postcode { get; set; }

    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? ContactPreference { get; set; }

    public string? Upn { get; set; }
    public string? FormerUpn { get; set; }
    public string? Uln { get; set; }

    public required string LeadLaCode { get; set; }
    public string? EducatedLaCode { get; set; }
    public string? LaCodeAtYear11 { get; set; }

    /// <summary>The school or college the young person currently attends, if it uses Waypoint.</summary>
    public Guid? SchoolId { get; set; }
    public Organisation? School { get; set; }

    /// <summary>NCCIS CA13: 1 intensive support, 2 supported, 3 minimum intervention.</summary>
    public int LevelOfNeed { get; set; } = 3;

    /// <summary>NCCIS SENDFlag: holds an EHC plan.</summary>
    public bool HasEhcPlan { get; set; }

    /// <summary>NCCIS SENSupportFlag: SEN support without an EHC plan. Never true with <see cref="HasEhcPlan"/>.</summary>
    public bool HasSenSupport { get; set; }

    public CohortStatus CohortStatus { get; set; } = CohortStatus.P;
    public string? CohortStatusReason { get; set; }
    public DateOnly? CohortStatusChangedOn { get; set; }

    /// <summary>With status T, the receiving LA; with status E, 000-003 (abroad, Wales, Scotland, other UK).</summary>
    public string? TransferredToLaCode { get; set; }

    /// <summary>The 13-character NCCIS ID this young person had in another LA's system, kept on transfer in or merge.</summary>
    public string? PreviousYoungPersonsId { get; set; }

    /// <summary>Set on a duplicate record (cohort status M) to the record it was merged into.</summary>
    public Guid? MergedIntoYoungPersonId { get; set; }

    /// <summary>The personal adviser responsible: follow-up tasks go to them.</summary>
    public Guid? AdviserUserId { get; set; }

    /// <summary>NCCIS ID01, asked in Year 11.</summary>
    public string? IntendedDestinationCode { get; set; }
    public DateOnly? IntendedDestinationRecordedOn { get; set; }

    /// <summary>Outward code of the postcode, kept for area filters and reports.</summary>
    public string? PostcodeDistrict { get; set; }

    // The current activity summary below is derived from the activity history by CurrentActivity.Apply whenever an
    // activity is recorded or verified; it exists so work lists can use indexes. Never set it by hand.
    public Guid? CurrentActivityId { get; set; }
    public string? CurrentActivityCode { get; set; }
    public DateOnly? CurrentActivityStart { get; set; }
    public DateOnly? CurrentDueToLapse { get; set; }
    public DateOnly? CurrentNeetStart { get; set; }
    public DateOnly? CurrentReviewDate { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, replaced on every change.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Activity> Activities { get; set; } = [];
    public List<Characteristic> Characteristics { get; set; } = [];
    public List<SeptemberGuaranteeOffer> SeptemberGuarantee { get; set; } = [];
    public List<CohortStatusChange> CohortStatusChanges { get; set; } = [];
    public PupilCensusData? Census { get; set; }

    public string DisplayName => $"{PreferredGivenName ?? GivenName} {PreferredFamilyName ?? FamilyName}";
}

/// <summary>An NCCIS current activity (CA01) with its dates. The latest by start date is the current one.</summary>
public class Activity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public required string Code { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly DateAscertained { get; set; }
    public DateOnly? DateVerified { get; set; }
    public DateOnly? ReviewDate { get; set; }
    public DateOnly? PredictedEndDate { get; set; }
    public DateOnly? NeetStartDate { get; set; }
    public string? EstablishmentNumber { get; set; }
    public string? EstablishmentName { get; set; }
    public string? Ukprn { get; set; }
    public required string Source { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>When this activity stops being current enough to rely on: computed by the currency rules, never typed.</summary>
    public DateOnly? DueToLapseDate { get; set; }
}

/// <summary>September Guarantee status for the Year 11 or Year 12 guarantee of one academic year (NCCIS SG02 / SG11).</summary>
public class SeptemberGuaranteeOffer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }

    /// <summary>The academic year the guarantee is for, by its starting year (2026 for 2026/27).</summary>
    public int AcademicYear { get; set; }

    /// <summary>11 or 12: which guarantee.</summary>
    public int YearGroup { get; set; }
    public required string StatusCode { get; set; }
    public required string LaCode { get; set; }
    public string? ProviderName { get; set; }
    public Guid? ProviderOrganisationId { get; set; }
    public DateOnly RecordedOn { get; set; }
    public Guid? RecordedByUserId { get; set; }
}

/// <summary>One change of cohort status, kept so the record shows why and when someone left or rejoined the cohort.</summary>
public class CohortStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public CohortStatus From { get; set; }
    public CohortStatus To { get; set; }
    public required string Reason { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public string? TransferredToLaCode { get; set; }
    public Guid? ChangedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>An NCCIS individual characteristic (IC01) held for a period.</summary>
public class Characteristic
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public required string Code { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
}

/// <summary>
/// What the school census and Common Transfer Files say about a pupil: the risk-of-NEET inputs.
/// Kept apart from the NCCIS record because it arrives from schools, not from tracking.
/// </summary>
public class PupilCensusData
{
    public Guid YoungPersonId { get; set; }
    public bool FreeSchoolMeals { get; set; }
    public bool EnglishAdditionalLanguage { get; set; }
    public bool ChildInNeed { get; set; }
    public bool YoungCarer { get; set; }

    /// <summary>Share of possible sessions attended this year, 0-100.</summary>
    public decimal AttendancePercent { get; set; }
    public int Suspensions { get; set; }
    public int PermanentExclusions { get; set; }
    public int SchoolMoves { get; set; }

    /// <summary>Key stage 2 scaled score average, where known: the prior attainment indicator.</summary>
    public int? Ks2ScaledScore { get; set; }
    public DateOnly AsOf { get; set; }

    public bool PersistentlyAbsent => AttendancePercent < 90m;
}
