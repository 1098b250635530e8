namespace Waypoint.Core.Nccis;

/// <summary>The four headings DfE publishes September Guarantee figures under.</summary>
public enum GuaranteeCategory
{
    OfferMade,
    NotAppropriate,
    NoOffer,
    NotRecorded,
}

public sealed record GuaranteeStatusCode(string Code, string Description, bool Year11, bool Year12, GuaranteeCategory Category);

/// <summary>NCCIS September Guarantee status (SG02 for Year 11, SG11 for Year 12), shared/reference/nccis.md section 5.2.</summary>
public static class SeptemberGuaranteeCodes
{
    // The category column in the reference is inferred from the labels, not quoted from DfE.
    public static IReadOnlyList<GuaranteeStatusCode> All { get; } =
    [
        new("110", "Offer made", true, true, GuaranteeCategory.OfferMade),
        new("114", "Already in learning: continuing in education", false, true, GuaranteeCategory.OfferMade),
        new("115", "Already in learning: continuing in employment with training to level 2", false, true, GuaranteeCategory.OfferMade),
        new("120", "Offer not appropriate at this time: going into employment without training to level 2", true, true, GuaranteeCategory.NotAppropriate),
        new("122", "Offer not appropriate: personal circumstances prevent learning", true, true, GuaranteeCategory.NotAppropriate),
        new("123", "Offer not appropriate: other reason", true, true, GuaranteeCategory.NotAppropriate),
        new("124", "Offer not appropriate: personal development opportunities", true, true, GuaranteeCategory.NotAppropriate),
        new("140", "No offer made: application made, awaiting outcome", true, true, GuaranteeCategory.NoOffer),
        new("150", "No offer made: no appropriate provision", true, true, GuaranteeCategory.NoOffer),
        new("151", "No offer made: young person has not applied for learning", true, true, GuaranteeCategory.NoOffer),
        new("153", "No offer made: unable to contact, known to have moved away", true, true, GuaranteeCategory.NoOffer),
        new("154", "No offer made: unable to contact, other reason", true, true, GuaranteeCategory.NoOffer),
        new("159", "Guarantee status not yet recorded", true, true, GuaranteeCategory.NotRecorded),
    ];

    private static readonly Dictionary<string, GuaranteeStatusCode> ByCode = All.ToDictionary(c => c.Code);

    public static GuaranteeStatusCode? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);

    public static string Describe(string code) => ByCode.TryGetValue(code, out var c) ? c.Description : $"Unknown September Guarantee status {code}";

    public static bool IsValidFor(string? code, int yearGroup) => Find(code) is { } status && yearGroup switch
    {
        11 => status.Year11,
        12 => status.Year12,
        _ => false,
    };
}
