namespace Waypoint.Core.Nccis.Returns;

/// <summary>A problem with the file as a whole: structure, encoding, size, header, or the file errors of nccis.md 8.2.</summary>
public sealed record NccisFileError(int Code, string Message);

/// <summary>A record-level error from nccis.md 8.1. <see cref="Field"/> is the XML element name the error is about.</summary>
public sealed record NccisRecordError(int Code, int Priority, string? YoungPersonId, string Field, string Message);

public sealed class NccisValidationOptions
{
    public const long DefaultMaxBytes = 500L * 1024 * 1024;

    /// <summary>The month end the currency and age checks are made against; the header's <c>PeriodEnd</c> when null.</summary>
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>
    /// Also run the checks DfE retired (29, 33, 36, 236, 301), with the 2015-16 meaning of age 18-19 and activity 720,
    /// for a file from a product that still follows the 2015-16 requirement.
    /// </summary>
    public bool RetiredChecks { get; init; }

    /// <summary>Files longer than this are refused without being read further.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// Record errors kept in the report. Beyond this they are still counted in the totals, so a hostile file full of
    /// errors cannot make the report itself exhaust memory.
    /// </summary>
    public int MaxRecordErrors { get; init; } = 100_000;
}

public sealed class NccisValidationReport
{
    private readonly List<NccisFileError> fileErrors = [];
    private readonly List<NccisRecordError> recordErrors = [];
    private readonly SortedDictionary<int, int> totals = [];

    public IReadOnlyList<NccisFileError> FileErrors => fileErrors;

    public IReadOnlyList<NccisRecordError> RecordErrors => recordErrors;

    /// <summary>
    /// Count per error number, file and record errors together. Error 908 (suspected duplicate) is informational and,
    /// as NCCIS does, left out of the totals although it is listed in <see cref="RecordErrors"/>.
    /// </summary>
    public IReadOnlyDictionary<int, int> Totals => totals;

    public int RecordCount { get; internal set; }

    /// <summary>True when the file could not be read to the end or was refused (DTD, too large, not well-formed, not UTF-8).</summary>
    public bool Refused { get; internal set; }

    /// <summary>True when more record errors were found than <see cref="NccisValidationOptions.MaxRecordErrors"/> allows to keep.</summary>
    public bool RecordErrorsTruncated { get; internal set; }

    /// <summary>No file errors and no counted record errors (a suspected duplicate alone does not fail a file).</summary>
    public bool IsClean => !Refused && totals.Count == 0;

    internal void AddFileError(int code, string message, int count = 1)
    {
        fileErrors.Add(new(code, message));
        Count(code, count);
    }

    internal void AddRecordError(NccisRecordError error, int maxKept)
    {
        if (recordErrors.Count < maxKept)
        {
            recordErrors.Add(error);
        }
        else
        {
            RecordErrorsTruncated = true;
        }

        if (NccisErrorCatalogue.IsCounted(error.Code))
        {
            Count(error.Code, 1);
        }
    }

    private void Count(int code, int count) => totals[code] = totals.GetValueOrDefault(code) + count;
}
