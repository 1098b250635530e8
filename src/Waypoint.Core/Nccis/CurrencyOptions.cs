using Microsoft.Extensions.Configuration;

namespace Waypoint.Core.Nccis;

/// <summary>
/// When an activity's currency lapses. The defaults are the scheme in shared/reference/nccis.md section 7, which
/// is not confirmed against DfE text, so every list can be replaced from configuration section
/// <c>Nccis:Currency</c>.
/// </summary>
public sealed class CurrencyOptions
{
    public const string SectionName = "Nccis:Currency";

    /// <summary>Lapse on 31 August of the academic year the activity was last verified (or ascertained) in.</summary>
    public List<string> EndOfAcademicYearCodes { get; set; } = ["110", "120", "130", "140", "150", "210", "220", "230", "240", "250", "270", "280"];

    public List<string> TwelveMonthCodes { get; set; } = ["310", "320"];

    public List<string> SixMonthCodes { get; set; } = ["330", "340", "360", "380", "381", "550", "410", "430", "440", "450", "460"];

    public List<string> ThreeMonthCodes { get; set; } = ["530"];

    /// <summary>Lapse <see cref="ReviewLapseWeeks"/> after the review date.</summary>
    public List<string> ReviewDateCodes { get; set; } = ["260", "290", "350", "710"];

    public int ReviewLapseWeeks { get; set; } = 4;

    /// <summary>Codes that cannot be saved without a review date (NCCIS error 262).</summary>
    public List<string> ReviewDateRequiredCodes { get; set; } = ["260", "290", "350", "616", "710"];

    /// <summary>
    /// Reads <see cref="SectionName"/>. A list given in configuration replaces its default; binding straight
    /// onto a new instance would append to the default instead, because the configuration binder adds to
    /// collections that already hold items.
    /// </summary>
    public static CurrencyOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var options = new CurrencyOptions();
        options.EndOfAcademicYearCodes = Configured(section, nameof(EndOfAcademicYearCodes)) ?? options.EndOfAcademicYearCodes;
        options.TwelveMonthCodes = Configured(section, nameof(TwelveMonthCodes)) ?? options.TwelveMonthCodes;
        options.SixMonthCodes = Configured(section, nameof(SixMonthCodes)) ?? options.SixMonthCodes;
        options.ThreeMonthCodes = Configured(section, nameof(ThreeMonthCodes)) ?? options.ThreeMonthCodes;
        options.ReviewDateCodes = Configured(section, nameof(ReviewDateCodes)) ?? options.ReviewDateCodes;
        options.ReviewDateRequiredCodes = Configured(section, nameof(ReviewDateRequiredCodes)) ?? options.ReviewDateRequiredCodes;
        options.ReviewLapseWeeks = section.GetValue(nameof(ReviewLapseWeeks), options.ReviewLapseWeeks);
        return options;
    }

    private static List<string>? Configured(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        if (!list.Exists())
        {
            return null;
        }

        // A single value is read as a comma-separated list so one environment variable can set (or empty) a list.
        return list.Value is not null
            ? [.. list.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [.. list.GetChildren().Select(c => c.Value).OfType<string>()];
    }
}
