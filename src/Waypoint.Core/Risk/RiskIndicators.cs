using System.Text;

namespace Waypoint.Core.Risk;

/// <summary>The indicators an indicator set can give points for. Protected characteristics are deliberately absent.</summary>
public enum RiskIndicator
{
    /// <summary>Attendance below the threshold (a percentage). Several bands may be set; the highest that applies counts.</summary>
    Attendance,
    /// <summary>At least the threshold number of suspensions this year; the highest band that applies counts.</summary>
    Suspensions,
    PermanentExclusion,
    FreeSchoolMeals,
    SenSupport,
    EhcPlan,
    EnglishAdditionalLanguage,
    LookedAfter,
    ChildInNeed,
    YoungCarer,
    PregnantOrParent,
    YouthJustice,
    AlternativeProvision,
    /// <summary>At least the threshold number of school moves.</summary>
    SchoolMoves,
    /// <summary>Key stage 2 scaled score below the threshold.</summary>
    LowPriorAttainment,
}

/// <summary>What Waypoint holds about one pupil that indicators read: the census and CTF fields and current NCCIS characteristics.</summary>
public readonly record struct RiskInputs(
    decimal AttendancePercent,
    int Suspensions,
    int PermanentExclusions,
    bool FreeSchoolMeals,
    bool SenSupport,
    bool EhcPlan,
    bool EnglishAdditionalLanguage,
    bool LookedAfter,
    bool ChildInNeed,
    bool YoungCarer,
    bool PregnantOrParent,
    bool YouthJustice,
    bool AlternativeProvision,
    int SchoolMoves,
    int? Ks2ScaledScore)
{
    /// <summary>The NCCIS characteristic codes that feed indicators (roni.md 1.2).</summary>
    public static readonly string[] CharacteristicCodes = ["110", "120", "140", "170", "180", "190", "200"];

    public static RiskInputs From(YoungPeople.PupilCensusData? census, bool senSupport, bool ehcPlan, IEnumerable<string> characteristicCodes)
    {
        var codes = characteristicCodes as IReadOnlyCollection<string> ?? characteristicCodes.ToList();
        return new RiskInputs(
            census?.AttendancePercent ?? 100m,
            census?.Suspensions ?? 0,
            census?.PermanentExclusions ?? 0,
            census?.FreeSchoolMeals ?? false,
            senSupport,
            ehcPlan,
            census?.EnglishAdditionalLanguage ?? false,
            codes.Contains("110"),
            census?.ChildInNeed ?? false,
            (census?.YoungCarer ?? false) || codes.Contains("140"),
            codes.Contains("120") || codes.Contains("180") || codes.Contains("190"),
            codes.Contains("170"),
            codes.Contains("200"),
            census?.SchoolMoves ?? 0,
            census?.Ks2ScaledScore);
    }
}

public static class RiskIndicatorText
{
    public static string Name(this RiskIndicator indicator) => indicator switch
    {
        RiskIndicator.Attendance => "Attendance below",
        RiskIndicator.Suspensions => "Suspensions, at least",
        RiskIndicator.PermanentExclusion => "Permanently excluded",
        RiskIndicator.FreeSchoolMeals => "Free school meals",
        RiskIndicator.SenSupport => "SEN support",
        RiskIndicator.EhcPlan => "EHC plan",
        RiskIndicator.EnglishAdditionalLanguage => "English as an additional language",
        RiskIndicator.LookedAfter => "Looked after",
        RiskIndicator.ChildInNeed => "Child in need",
        RiskIndicator.YoungCarer => "Young carer",
        RiskIndicator.PregnantOrParent => "Pregnant or young parent",
        RiskIndicator.YouthJustice => "Supervised by the youth justice service",
        RiskIndicator.AlternativeProvision => "Alternative provision",
        RiskIndicator.SchoolMoves => "School moves, at least",
        RiskIndicator.LowPriorAttainment => "Key stage 2 scaled score below",
        _ => indicator.ToString(),
    };

    /// <summary>How a reason reads for one pupil: "attendance 84%", "suspensions 3", "SEN support".</summary>
    public static string Describe(this RiskIndicator indicator, in RiskInputs inputs)
    {
        var text = new StringBuilder();
        indicator.AppendDescription(inputs, text);
        return text.ToString();
    }

    /// <summary>Writes <see cref="Describe"/>'s text without formatting strings: bulk scoring writes 60,000 of these.</summary>
    public static void AppendDescription(this RiskIndicator indicator, in RiskInputs inputs, StringBuilder text)
    {
        switch (indicator)
        {
            case RiskIndicator.Attendance:
                AppendPercent(text.Append("attendance "), inputs.AttendancePercent);
                break;
            case RiskIndicator.Suspensions:
                text.Append("suspensions ").Append(inputs.Suspensions);
                break;
            case RiskIndicator.SchoolMoves:
                text.Append("school moves ").Append(inputs.SchoolMoves);
                break;
            case RiskIndicator.LowPriorAttainment:
                text.Append("key stage 2 score ").Append(inputs.Ks2ScaledScore);
                break;
            default:
                text.Append(indicator switch
                {
                    RiskIndicator.PermanentExclusion => "permanently excluded",
                    RiskIndicator.FreeSchoolMeals => "free school meals",
                    RiskIndicator.SenSupport => "SEN support",
                    RiskIndicator.EhcPlan => "EHC plan",
                    RiskIndicator.EnglishAdditionalLanguage => "English as an additional language",
                    RiskIndicator.LookedAfter => "looked after",
                    RiskIndicator.ChildInNeed => "child in need",
                    RiskIndicator.YoungCarer => "young carer",
                    RiskIndicator.PregnantOrParent => "pregnant or young parent",
                    RiskIndicator.YouthJustice => "youth justice",
                    RiskIndicator.AlternativeProvision => "alternative provision",
                    _ => indicator.ToString(),
                });
                break;
        }
    }

    /// <summary>"84%" or "84.5%": one decimal place at most, rounded half away from zero.</summary>
    public static StringBuilder AppendPercent(StringBuilder text, decimal percent)
    {
        var tenths = (int)Math.Round(percent * 10, MidpointRounding.AwayFromZero);
        text.Append(tenths / 10);
        if (tenths % 10 != 0)
        {
            text.Append('.').Append(tenths % 10);
        }

        return text.Append('%');
    }
}
