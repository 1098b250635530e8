namespace Waypoint.Core.Nccis.Returns;

/// <summary>One monthly NCCIS return written by <see cref="NccisExporter"/>: kept so an LA can show what it sent and prove the file was not altered.</summary>
public class NccisSubmission
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string LaCode { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Null when the system wrote the file (the command line, a scheduled job).</summary>
    public Guid? CreatedByUserId { get; set; }
    public int RecordCount { get; set; }

    /// <summary>SHA-256 of the exact bytes written, lower-case hex.</summary>
    public required string FileSha256 { get; set; }
    public long FileBytes { get; set; }
}
