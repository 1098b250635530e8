using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis.Reports;

/// <summary>
/// One LA's young people as they stood at a month end, kept so a past month can be reported as it stood even after
/// the records have moved on. Taken (or retaken, replacing it) by <see cref="NccisSnapshotService"/>.
/// </summary>
public class NccisSnapshot
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string LaCode { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateTime TakenAt { get; set; }

    /// <summary>Null when the system took it (the month-end schedule, the command line, the demo seed).</summary>
    public Guid? TakenByUserId { get; set; }
    public int RowCount { get; set; }

    public List<NccisSnapshotRow> Rows { get; set; } = [];
}

/// <summary>
/// One young person in a snapshot: what the DfE measures and their splits need, worked out as at the period end.
/// Fields with no history in the record (gender, ethnicity, SEND flags, school, postcode district) are the values
/// held when the snapshot was taken.
/// </summary>
public class NccisSnapshotRow
{
    public long Id { get; set; }
    public Guid SnapshotId { get; set; }
    public Guid YoungPersonId { get; set; }

    /// <summary>Age on the 31 August before the period end's academic year: 15 is Year 11, 16-17 the DfE measures.</summary>
    public int AcademicAge { get; set; }
    public CohortStatus CohortStatus { get; set; }

    /// <summary>The activity current at the period end (latest start on or before it); null when none had started.</summary>
    public string? ActivityCode { get; set; }
    public DateOnly? ActivityStartDate { get; set; }

    /// <summary>Worked out as at the period end: a verification after it is ignored, as in the monthly return.</summary>
    public DateOnly? DueToLapseDate { get; set; }
    public bool CurrencyLapsed { get; set; }

    public bool HasEhcPlan { get; set; }
    public bool HasSenSupport { get; set; }
    public Gender Gender { get; set; }
    public required string EthnicityCode { get; set; }

    /// <summary>Characteristic codes held at the period end, ordered and comma-separated ("110,160"); empty for none.</summary>
    public string CharacteristicCodes { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public string? PostcodeDistrict { get; set; }

    /// <summary>September Guarantee status codes recorded for the period end's academic year (SG02 and SG11).</summary>
    public string? GuaranteeYear11Code { get; set; }
    public string? GuaranteeYear12Code { get; set; }

    public IEnumerable<string> Characteristics => CharacteristicCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
