using Microsoft.Extensions.Configuration;
using Waypoint.Core.Data;

namespace Waypoint.Core.Nccis.Returns;

/// <summary>
/// Where the web app keeps the returns it writes: one folder, three files per submission, named by submission ID so
/// nothing a user types reaches a path. <c>{id}.xml</c> is the exact file the LA downloads and uploads to DfE;
/// <c>{id}.report.json</c> is its validation report in the CLI's JSON shape; <c>{id}.summary.json</c> holds the counts
/// the pages show without reading the report. Settings: <c>Nccis:Returns:Directory</c> (default
/// <c>&lt;data directory&gt;/nccis-returns</c>) and <c>Nccis:Returns:FileRetentionDays</c> (default 400: a year of
/// monthly returns plus the months DfE can still query them; 0 keeps files for ever).
/// </summary>
public sealed class NccisReturnFiles(string directory, int retentionDays)
{
    public const int DefaultRetentionDays = 400;

    public string Directory { get; } = directory;

    /// <summary>Days a return's files are kept after it was written; 0 for ever. The submission row is always kept.</summary>
    public int RetentionDays { get; } = retentionDays;

    public static NccisReturnFiles FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = configuration["Nccis:Returns:Directory"];
        if (string.IsNullOrWhiteSpace(directory))
        {
            directory = Path.Combine(DatabaseSettings.DataDirectory(configuration), "nccis-returns");
        }

        var retention = configuration.GetValue("Nccis:Returns:FileRetentionDays", DefaultRetentionDays);
        return new NccisReturnFiles(Path.GetFullPath(directory), Math.Max(0, retention));
    }

    public string XmlPath(Guid submissionId) => Path.Combine(Directory, $"{submissionId:D}.xml");

    public string ReportPath(Guid submissionId) => Path.Combine(Directory, $"{submissionId:D}.report.json");

    public string SummaryPath(Guid submissionId) => Path.Combine(Directory, $"{submissionId:D}.summary.json");

    /// <summary>A new file in the folder for a return still being written; moved into place once its submission ID is known.</summary>
    public string NewPartialPath()
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Path.Combine(Directory, $"{Guid.NewGuid():N}.partial");
    }

    public bool HasFile(Guid submissionId) => File.Exists(XmlPath(submissionId));

    /// <summary>Deletes all three files of a submission; true when the XML was there.</summary>
    public bool Delete(Guid submissionId)
    {
        var existed = File.Exists(XmlPath(submissionId));
        File.Delete(XmlPath(submissionId));
        File.Delete(ReportPath(submissionId));
        File.Delete(SummaryPath(submissionId));
        return existed;
    }
}
