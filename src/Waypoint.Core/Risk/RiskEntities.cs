using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Risk;

/// <summary>One version of an LA's indicator set. Versions are never edited: a change is a new version.</summary>
public class RiskIndicatorSet
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string LaCode { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }

    /// <summary>The <see cref="IndicatorSetDefinition"/> as JSON.</summary>
    public required string DefinitionJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public string? CreatedByName { get; set; }

    public IndicatorSetDefinition Definition => IndicatorSetDefinition.FromJson(DefinitionJson);
}

/// <summary>A pupil's score for one term, recomputed in place during the term; earlier terms stay for the trend.</summary>
public class RiskScore
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public required string LaCode { get; set; }
    public Guid? SchoolId { get; set; }
    public int YearGroup { get; set; }

    /// <summary>The first day of the term the score belongs to (1 September, 1 January or 1 April).</summary>
    public DateOnly TermStart { get; set; }
    public Guid IndicatorSetId { get; set; }
    public int IndicatorSetVersion { get; set; }
    public int Points { get; set; }
    public RiskBand Band { get; set; }
    public required string Reasons { get; set; }

    /// <summary>Points at the latest earlier term, for the trend; null when this is the first.</summary>
    public int? PreviousPoints { get; set; }
    public double? ModelProbability { get; set; }
    public int? ModelVersion { get; set; }
    public string? ModelFactors { get; set; }
    public DateTime ComputedAt { get; set; }
}

public enum RiskListDecisionKind
{
    Added,
    Removed,
}

/// <summary>A person's decision to put a pupil on the at-risk list or take them off it, kept with the reason.</summary>
public class RiskListDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public RiskListDecisionKind Kind { get; set; }
    public required string Reason { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public required string DecidedByName { get; set; }
    public DateTime DecidedAt { get; set; }
}

public enum RiskSupportKind
{
    Adviser,
    Mentoring,
    PlannedIntervention,
}

/// <summary>Support assigned to a pupil at risk, and what came of it.</summary>
public class RiskSupport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public RiskSupportKind Kind { get; set; }
    public Guid? AdviserUserId { get; set; }
    public string? AdviserName { get; set; }
    public required string Detail { get; set; }
    public Guid? AssignedByUserId { get; set; }
    public required string AssignedByName { get; set; }
    public DateTime AssignedAt { get; set; }
    public string? Outcome { get; set; }
    public DateTime? OutcomeRecordedAt { get; set; }
}

/// <summary>A trained, calibrated model for one LA. The latest version scores pupils.</summary>
public class RiskModelRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string LaCode { get; set; }
    public int Version { get; set; }
    public required string TrainedOnCohorts { get; set; }
    public int TrainingPupils { get; set; }
    public required string ModelJson { get; set; }
    public DateTime TrainedAt { get; set; }
    public string? TrainedByName { get; set; }
}

/// <summary>
/// A past pupil's indicators as they stood in Year 10 and whether they were NEET or not known at 16-17: the data the
/// model learns from and the back-test holds out. Gender and ethnicity are kept only to report fairness by group.
/// </summary>
public class RiskHistoryRecord
{
    public long Id { get; set; }
    public required string LaCode { get; set; }

    /// <summary>The year the cohort left Year 11 (summer).</summary>
    public int CohortYear { get; set; }
    public Guid? YoungPersonId { get; set; }
    public Gender Gender { get; set; }
    public required string EthnicityCode { get; set; }
    public decimal AttendancePercent { get; set; }
    public int Suspensions { get; set; }
    public int PermanentExclusions { get; set; }
    public bool FreeSchoolMeals { get; set; }
    public bool SenSupport { get; set; }
    public bool EhcPlan { get; set; }
    public bool EnglishAdditionalLanguage { get; set; }
    public bool LookedAfter { get; set; }
    public bool ChildInNeed { get; set; }
    public bool YoungCarer { get; set; }
    public bool PregnantOrParent { get; set; }
    public bool YouthJustice { get; set; }
    public bool AlternativeProvision { get; set; }
    public int SchoolMoves { get; set; }
    public int? Ks2ScaledScore { get; set; }
    public bool NeetOrNotKnown { get; set; }

    public RiskInputs Inputs => new(AttendancePercent, Suspensions, PermanentExclusions, FreeSchoolMeals, SenSupport, EhcPlan,
        EnglishAdditionalLanguage, LookedAfter, ChildInNeed, YoungCarer, PregnantOrParent, YouthJustice, AlternativeProvision, SchoolMoves, Ks2ScaledScore);
}
