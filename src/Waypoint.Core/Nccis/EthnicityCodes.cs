namespace Waypoint.Core.Nccis;

/// <summary>NCCIS YP27 ethnicity codes, shared/reference/nccis.md section 2.7.</summary>
public static class EthnicityCodes
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["WBRI"] = "White British",
        ["WIRI"] = "White Irish",
        ["WROM"] = "White Gypsy/Roma",
        ["WOTH"] = "Any other White background",
        ["MWBC"] = "White and Black Caribbean",
        ["MWBA"] = "White and Black African",
        ["MWAS"] = "White and Asian",
        ["MOTH"] = "Any other mixed background",
        ["AIND"] = "Indian",
        ["APKN"] = "Pakistani",
        ["ABAN"] = "Bangladeshi",
        ["AOTH"] = "Any other Asian background",
        ["BCRB"] = "Black Caribbean",
        ["BAFR"] = "Black African",
        ["BOTH"] = "Any other Black background",
        ["BBRI"] = "Black British",
        ["CHNE"] = "Chinese",
        ["OARA"] = "Arab",
        ["OOTH"] = "Any other ethnic group",
        ["REFU"] = "Refused",
        ["NOBT"] = "Information not obtained",
    };

    public static string Describe(string code) => All.TryGetValue(code, out var d) ? d : code;
}
