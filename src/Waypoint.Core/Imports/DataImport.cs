namespace Waypoint.Core.Imports;

public enum DataImportStatus
{
    Committed,
    Reverted,
}

/// <summary>One committed file: what it was, who loaded it, what it did. Kept so the import can be shown and reverted.</summary>
public class DataImport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ImportKind Kind { get; set; }
    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex: the same file imported again is recognised.</summary>
    public required string FileSha256 { get; set; }
    public required string LaCode { get; set; }
    public DataImportStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public int RowsRead { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Review { get; set; }
    public int Rejected { get; set; }

    /// <summary>The rejected rows (row, field, value, reason) as JSON, for the import's page.</summary>
    public string? RejectedJson { get; set; }
    public DateTime? RevertedAt { get; set; }
    public Guid? RevertedByUserId { get; set; }
}

public enum DataImportChangeKind
{
    Created,
    Updated,
}

/// <summary>
/// What one import did to one young person, with the record's fields before and after (JSON of
/// <see cref="ImportedFields"/>) and the rows it added, so a revert can put back exactly what the import changed and
/// leave alone anything changed since.
/// </summary>
public class DataImportChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ImportId { get; set; }
    public Guid YoungPersonId { get; set; }
    public DataImportChangeKind Kind { get; set; }
    public string? BeforeJson { get; set; }
    public required string AfterJson { get; set; }

    /// <summary>Ids of the activities, characteristics and follow-up tasks the import added, as JSON.</summary>
    public required string AddedJson { get; set; }

    /// <summary>The record's census data before the import, as JSON; null when it had none.</summary>
    public string? CensusBeforeJson { get; set; }
    public bool HadCensus { get; set; }
}

public enum MatchReviewStatus
{
    Open,
    Matched,
    CreatedNew,
}

/// <summary>
/// An incoming row that looked like someone already held, but not surely enough to match automatically: a tracker
/// compares them side by side and matches it or creates a new record.
/// </summary>
public class MatchReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ImportId { get; set; }
    public required string LaCode { get; set; }
    public int Row { get; set; }

    /// <summary>The incoming record as JSON (<see cref="IncomingRecord"/>).</summary>
    public required string IncomingJson { get; set; }
    public Guid CandidateYoungPersonId { get; set; }
    public Guid? RunnerUpYoungPersonId { get; set; }
    public double Score { get; set; }

    /// <summary>Why it was not matched automatically, in words, e.g. "the dates of birth differ".</summary>
    public string? Reason { get; set; }
    public MatchReviewStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public Guid? ResolvedByUserId { get; set; }
    public Guid? ResolvedYoungPersonId { get; set; }
}
