namespace Waypoint.Core.Nccis;

public enum ActivityGroup
{
    CompulsoryAge,
    Education,
    Employment,
    Training,
    ReEngagement,
    NeetActive,
    NeetInactive,
    Other,
    NotKnown,
}

public sealed record ActivityCode(string Code, string Description, ActivityGroup Group, bool SendOnly = false, bool Participating = false, bool InDenominator = true)
{
    public bool IsNeet => Group is ActivityGroup.NeetActive or ActivityGroup.NeetInactive;
    public bool IsNotKnown => Group == ActivityGroup.NotKnown || Code == "150";
}

/// <summary>NCCIS current activity codes (CA01), as listed in shared/reference/nccis.md section 3.</summary>
public static class ActivityCodes
{
    public static readonly IReadOnlyList<ActivityCode> All =
    [
        new("110", "Registered at a school or other educational establishment in the area", ActivityGroup.CompulsoryAge, InDenominator: false),
        new("120", "Educated at home", ActivityGroup.CompulsoryAge, InDenominator: false),
        new("130", "Custodial institution (custodial sentence)", ActivityGroup.CompulsoryAge, InDenominator: false),
        new("140", "Not registered at a school or other educational establishment", ActivityGroup.CompulsoryAge, InDenominator: false),
        new("150", "Current situation not known", ActivityGroup.CompulsoryAge, InDenominator: false),
        new("210", "Full-time education: school sixth form", ActivityGroup.Education, Participating: true),
        new("220", "Full-time education: sixth form college", ActivityGroup.Education, Participating: true),
        new("230", "Full-time education: further education", ActivityGroup.Education, Participating: true),
        new("240", "Full-time education: higher education", ActivityGroup.Education, Participating: true),
        new("250", "Part-time education", ActivityGroup.Education, Participating: true),
        new("260", "Gap year student", ActivityGroup.Education),
        new("270", "Full-time education: other", ActivityGroup.Education, Participating: true),
        new("280", "Special post-16 institution", ActivityGroup.Education, SendOnly: true, Participating: true),
        new("290", "Full-time education: custodial institution (juvenile offender)", ActivityGroup.Education, Participating: true),
        new("310", "Apprenticeship", ActivityGroup.Employment, Participating: true),
        new("320", "Full-time employment with study (regulated qualification)", ActivityGroup.Employment, Participating: true),
        new("330", "Employment without training", ActivityGroup.Employment),
        new("340", "Employment with training (other)", ActivityGroup.Employment),
        new("350", "Temporary employment", ActivityGroup.Employment),
        new("360", "Part-time employment", ActivityGroup.Employment),
        new("380", "Self-employment", ActivityGroup.Employment),
        new("381", "Self-employment with study (regulated qualification)", ActivityGroup.Employment, Participating: true),
        new("550", "Working not for reward with study (regulated qualification)", ActivityGroup.Employment, Participating: true),
        new("410", "ESFA-funded work-based learning", ActivityGroup.Training, Participating: true),
        new("430", "Other training", ActivityGroup.Training, Participating: true),
        new("440", "DWP training and support programme", ActivityGroup.Training),
        new("450", "Traineeship", ActivityGroup.Training, Participating: true),
        new("460", "Supported internship", ActivityGroup.Training, SendOnly: true, Participating: true),
        new("530", "Re-engagement provision", ActivityGroup.ReEngagement),
        new("540", "Working not for reward (volunteering without study)", ActivityGroup.NeetActive),
        new("610", "Not yet ready for work or learning", ActivityGroup.NeetActive),
        new("615", "Start date agreed (other)", ActivityGroup.NeetActive),
        new("616", "Start date agreed (RPA compliant)", ActivityGroup.NeetActive),
        new("619", "Seeking employment, education or training", ActivityGroup.NeetActive),
        new("620", "Not available: young carer", ActivityGroup.NeetInactive),
        new("630", "Not available: teenage parent", ActivityGroup.NeetInactive),
        new("640", "Not available: illness", ActivityGroup.NeetInactive),
        new("650", "Not available: pregnancy", ActivityGroup.NeetInactive),
        new("660", "Not available: religious grounds", ActivityGroup.NeetInactive),
        new("670", "Not available: unlikely ever to be economically active", ActivityGroup.NeetInactive),
        new("680", "Not available: other reason", ActivityGroup.NeetInactive),
        new("710", "Custody (young adult offender)", ActivityGroup.Other, InDenominator: false),
        new("810", "Current situation not known", ActivityGroup.NotKnown),
        new("820", "Cannot be contacted: no current address", ActivityGroup.NotKnown),
        new("830", "Refused to disclose activity", ActivityGroup.NotKnown),
    ];

    private static readonly Dictionary<string, ActivityCode> ByCode = All.ToDictionary(a => a.Code);

    public static ActivityCode? Find(string code) => ByCode.GetValueOrDefault(code);

    public static string Describe(string code) => ByCode.TryGetValue(code, out var a) ? a.Description : $"Unknown activity {code}";

    public static readonly IReadOnlySet<string> Neet = All.Where(a => a.IsNeet).Select(a => a.Code).ToHashSet();
    public static readonly IReadOnlySet<string> NotKnown = new HashSet<string> { "810", "820", "830" };

    /// <summary>Every code that says the situation is not known: 810-830 and, for Year 11, 150. What work lists chase.</summary>
    public static readonly IReadOnlySet<string> SituationNotKnown = All.Where(a => a.IsNotKnown).Select(a => a.Code).ToHashSet();
}

/// <summary>NCCIS individual characteristic codes (IC01), shared/reference/nccis.md section 4.</summary>
public static class CharacteristicCodes
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["110"] = "Looked after / in care",
        ["120"] = "Parent caring for own child",
        ["130"] = "Refugee or asylum seeker",
        ["140"] = "Carer (not own child)",
        ["150"] = "Substance misuse",
        ["160"] = "Care leaver",
        ["170"] = "Supervised by Youth Offending Team",
        ["180"] = "Pregnant",
        ["190"] = "Parent not caring for own child",
        ["200"] = "Alternative provision",
        ["210"] = "Mental health",
    };

    public static string Describe(string code) => All.TryGetValue(code, out var d) ? d : $"Unknown characteristic {code}";
}
