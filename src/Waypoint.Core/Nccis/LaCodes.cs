namespace Waypoint.Core.Nccis;

/// <summary>DfE 3-digit LA codes (shared/reference/nccis.md 2.8 and interop.md 2.4), current and historic.</summary>
public static class LaCodes
{
    private static readonly HashSet<string> English =
    [
        "201", "202", "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213",
        "301", "302", "303", "304", "305", "306", "307", "308", "309", "310", "311", "312", "313", "314", "315", "316", "317", "318", "319", "320",
        "330", "331", "332", "333", "334", "335", "336", "340", "341", "342", "343", "344", "350", "351", "352", "353", "354", "355", "356", "357", "358", "359",
        "370", "371", "372", "373", "380", "381", "382", "383", "384", "390", "391", "392", "393", "394", "420", "702",
        "800", "801", "802", "803", "805", "806", "807", "808", "810", "811", "812", "813", "815", "816", "821", "822", "823", "825", "826",
        "830", "831", "835", "836", "837", "838", "839", "840", "841", "845", "846", "850", "851", "852", "855", "856", "857", "860", "861", "865", "866", "867", "868", "869",
        "870", "871", "872", "873", "874", "876", "877", "878", "879", "880", "881", "882", "883", "884", "885", "886", "887", "888", "889", "890",
        "891", "892", "893", "894", "895", "896", "908", "909", "916", "919", "921", "925", "926", "928", "929", "931", "933", "935", "936", "937", "938",
        "940", "941", "942", "943",
    ];

    /// <summary>000 abroad, 001 Wales, 002 Scotland, 003 other UK, 004 unknown area.</summary>
    public static readonly IReadOnlyDictionary<string, string> Special = new Dictionary<string, string>
    {
        ["000"] = "Abroad",
        ["001"] = "Wales",
        ["002"] = "Scotland",
        ["003"] = "Elsewhere in the UK",
        ["004"] = "Unknown area",
    };

    public static bool IsEnglishLa(string? code) => code is not null && English.Contains(code);

    public static bool IsValidOrSpecial(string? code) => IsEnglishLa(code) || (code is not null && Special.ContainsKey(code));
}
