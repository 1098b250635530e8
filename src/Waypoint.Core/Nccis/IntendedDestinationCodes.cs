namespace Waypoint.Core.Nccis;

public sealed record CodeItem(string Code, string Description);

/// <summary>NCCIS intended destination at Year 11 (ID01), shared/reference/nccis.md section 5.1.</summary>
public static class IntendedDestinationCodes
{
    public static IReadOnlyList<CodeItem> All { get; } =
    [
        new("111", "Full-time education: same school"),
        new("121", "Full-time education or training: other institution"),
        new("211", "Apprenticeship or traineeship"),
        new("311", "Full-time employment with part-time accredited study"),
        new("321", "Employment without accredited training"),
        new("411", "Other destination"),
        new("511", "Undecided"),
        new("611", "Not obtained"),
    ];

    private static readonly Dictionary<string, CodeItem> ByCode = All.ToDictionary(c => c.Code);

    public static bool IsValid(string? code) => code is not null && ByCode.ContainsKey(code);

    public static string Describe(string code) => ByCode.TryGetValue(code, out var c) ? c.Description : $"Unknown intended destination {code}";
}
