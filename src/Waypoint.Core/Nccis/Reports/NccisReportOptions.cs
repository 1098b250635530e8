using Microsoft.Extensions.Configuration;

namespace Waypoint.Core.Nccis.Reports;

/// <summary>
/// The <c>Nccis:Reports</c> and <c>Nccis:AnnualActivitySurvey</c> configuration sections. The defaults follow
/// shared/reference/nccis.md sections 3, 9 and 10; the settings exist for the parts it marks UNCONFIRMED.
/// </summary>
public sealed class NccisReportOptions
{
    public const string SectionName = "Nccis:Reports";
    public const string SurveySectionName = "Nccis:AnnualActivitySurvey";

    /// <summary>
    /// Count a record whose currency has lapsed as not known (and so neither NEET nor participating), as DfE's older
    /// published definition does. UNCONFIRMED in the current wording.
    /// </summary>
    public bool LapsedCountsAsNotKnown { get; set; } = true;

    /// <summary>The "other training" participation type: 430 by default, UNCONFIRMED. An empty list leaves it out of participation.</summary>
    public List<string> OtherTrainingCodes { get; set; } = ["430"];

    /// <summary>How often the web app checks whether a month end needs its snapshot; 0 turns the schedule off.</summary>
    public int SnapshotScanMinutes { get; set; } = 60;

    /// <summary>Days after a month end before its snapshot is taken, so returns and late updates for the month are in.</summary>
    public int SnapshotAfterDays { get; set; } = 1;

    /// <summary>Month ends of snapshots the demo seed takes, ending with the last one before today.</summary>
    public int DemoSnapshotMonths { get; set; } = 15;

    /// <summary>The Annual Activity Survey CSV columns, in order, from <see cref="AnnualActivitySurvey.ColumnNames"/>.</summary>
    public List<string> SurveyColumns { get; set; } = [.. AnnualActivitySurvey.DefaultColumns];

    public static NccisReportOptions FromConfiguration(IConfiguration? configuration)
    {
        var options = new NccisReportOptions();
        if (configuration is null)
        {
            return options;
        }

        var section = configuration.GetSection(SectionName);
        options.LapsedCountsAsNotKnown = section.GetValue(nameof(LapsedCountsAsNotKnown), options.LapsedCountsAsNotKnown);
        options.SnapshotScanMinutes = section.GetValue(nameof(SnapshotScanMinutes), options.SnapshotScanMinutes);
        options.SnapshotAfterDays = section.GetValue(nameof(SnapshotAfterDays), options.SnapshotAfterDays);
        options.DemoSnapshotMonths = section.GetValue(nameof(DemoSnapshotMonths), options.DemoSnapshotMonths);
        options.OtherTrainingCodes = List(section.GetSection(nameof(OtherTrainingCodes))) ?? options.OtherTrainingCodes;
        options.SurveyColumns = List(configuration.GetSection(SurveySectionName).GetSection("Columns")) ?? options.SurveyColumns;
        var unknown = options.SurveyColumns.Where(c => !AnnualActivitySurvey.ColumnNames.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{SurveySectionName}:Columns names unknown columns ({string.Join(", ", unknown)}). Known columns: {string.Join(", ", AnnualActivitySurvey.ColumnNames)}.");
        }

        return options;
    }

    // A list given in configuration replaces the default (the binder would append to it); a single value is comma-separated.
    private static List<string>? List(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return null;
        }

        return section.Value is not null
            ? [.. section.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [.. section.GetChildren().Select(c => c.Value).OfType<string>()];
    }
}
