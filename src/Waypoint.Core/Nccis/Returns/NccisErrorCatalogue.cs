namespace Waypoint.Core.Nccis.Returns;

public sealed record NccisErrorDefinition(int Code, int Priority, string Summary);

/// <summary>
/// The error numbers the return validator reports. 1-909 are NCCIS numbers (shared/reference/nccis.md section 8) with
/// the priority from the 8.1 table. 306 and 909 have no priority in the source; Waypoint gives them 2.
/// Numbers 9001-9009 are Waypoint-local file errors for structural faults the reference lists without numbers.
/// The errors DfE has retired (29, 33, 36, 236 and 301) are in <see cref="RetiredRecordErrors"/> and checked only when
/// <see cref="NccisValidationOptions.RetiredChecks"/> is on, for files from a product still on the 2015-16 requirement.
/// Not implemented: the 2020-21 September Guarantee age checks, whose numbers and exact rules are unconfirmed.
/// </summary>
public static class NccisErrorCatalogue
{
    public const int MalformedXml = 9001;
    public const int NotUtf8 = 9002;
    public const int DtdProhibited = 9003;
    public const int TooLarge = 9004;
    public const int NotAnNccisFile = 9005;
    public const int HeaderInvalid = 9006;
    public const int RecordWithoutPersonalDetails = 9007;
    public const int RecordTooComplex = 9008;
    public const int Unreadable = 9009;

    public const int SuspectedDuplicate = 908;

    private static readonly NccisErrorDefinition[] Definitions =
    [
        new(1, 1, "YoungPersonsID not 13 digits"),
        new(2, 1, "GivenName missing"),
        new(3, 1, "FamilyName missing"),
        new(4, 2, "Gender missing"),
        new(5, 2, "Gender not F, M, U or W"),
        new(6, 2, "Ethnicity missing"),
        new(7, 2, "Ethnicity not a YP27 code"),
        new(8, 1, "DOB missing or not a date"),
        new(9, 2, "Older than academic age 25"),
        new(10, 2, "Younger than academic age 15"),
        new(11, 1, "CohortStatus missing"),
        new(13, 2, "Cohort status T without TransferredToLACode"),
        new(14, 1, "LeadLEA missing"),
        new(15, 1, "LeadLEA not a recognised LA code"),
        new(19, 2, "EducatedLEA not recognised"),
        new(24, 2, "LEACodeAtYear11 not recognised"),
        new(25, 1, "LEACodeAtYear11 differs from the Year 11 September Guarantee LEACode"),
        new(26, 2, "LeadLEA not one of the file's SourceLEAs"),
        new(27, 1, "September Guarantee status not recognised"),
        new(30, 2, "ULN not 10 digits without a leading zero"),
        new(31, 1, "No address"),
        new(32, 1, "Postcode missing"),
        new(34, 2, "TransferredToLACode present but cohort status not T"),
        new(35, 2, "TransferredToLACode not recognised"),
        new(37, 1, "PreviousYPIDIdentifier not 13 characters"),
        new(38, 2, "UPN not 13 characters"),
        new(39, 2, "UKPRN not 8 digits starting with 1"),
        new(40, 1, "Academic age 18 or over without SEND"),
        new(41, 1, "TransferredToLACode is 004 (unknown area)"),
        new(42, 1, "TransferredToLACode is the lead LA"),
        new(43, 2, "Postcode format invalid"),
        new(100, 1, "LevelOfNeedCode missing"),
        new(101, 2, "LevelOfNeedCode not 1-3"),
        new(102, 2, "SENDFlag not Y/N"),
        new(103, 2, "SENDFlag missing"),
        new(104, 2, "CharacteristicCode not an IC01 code"),
        new(200, 1, "ActivityCode missing"),
        new(201, 1, "ActivityCode not a CA01 code"),
        new(202, 1, "StartDate missing or not a date"),
        new(203, 1, "DateAscertained missing or not a date"),
        new(220, 1, "CurrencyLapsed missing"),
        new(221, 1, "CurrencyLapsed not Y/N"),
        new(224, 1, "NEET activity without NEETStartDate"),
        new(225, 1, "NEETStartDate after StartDate"),
        new(226, 1, "NEETStartDate on a non-NEET activity"),
        new(228, 1, "EstablishmentNumber not LA code + 4 digits"),
        new(229, 1, "Too young for a post-16 activity"),
        new(230, 1, "Too old for a compulsory-age activity"),
        new(231, 2, "CurrencyLapsed Y but DueToLapseDate after PeriodEnd"),
        new(232, 2, "CurrencyLapsed N but DueToLapseDate before PeriodEnd"),
        new(233, 2, "Activity 620 without characteristic 140"),
        new(234, 2, "Activity 630 without characteristic 120"),
        new(235, 2, "Activity 650 without characteristic 180"),
        new(237, 2, "DateAscertained after DateVerified"),
        new(238, 2, "DueToLapseDate after PredictedEndDate"),
        new(242, 2, "DateAscertained before StartDate"),
        new(243, 2, "DueToLapseDate missing"),
        new(244, 2, "DueToLapseDate not a valid date"),
        new(251, 2, "NEETStartDate before 15th birthday"),
        new(253, 2, "Activity 440 at academic age 16 or 17"),
        new(254, 1, "Activity 280 without SEND"),
        new(255, 1, "Activity 460 without SEND"),
        new(256, 1, "DateVerified before StartDate"),
        new(257, 2, "ReviewDate after PredictedEndDate"),
        new(258, 1, "PredictedEndDate not a valid date"),
        new(259, 1, "Education or training activity without PredictedEndDate"),
        new(260, 2, "Characteristic 180 with gender M"),
        new(261, 1, "September Guarantee LEACode not recognised"),
        new(262, 1, "Activity needing a ReviewDate without one"),
        new(302, 2, "IntendedDestinationYr11 not an ID01 code"),
        new(303, 2, "SENSupportFlag missing"),
        new(304, 2, "SENSupportFlag not Y/N"),
        new(305, 2, "DateVerified after PeriodEnd"),
        new(306, 2, "SENDFlag and SENSupportFlag both Y"),
        new(902, 1, "Duplicate YoungPersonsID"),
        new(905, 1, "Cohort status G without September Guarantee status and LEACode"),
        new(906, 1, "GuaranteeStatusIndicator Y without September Guarantee status and LEACode"),
        new(907, 1, "Same ULN on different young people"),
        new(908, 3, "Suspected duplicate: same names and date of birth (not counted)"),
        new(909, 2, "Compulsory-age activity not started or verified this academic year"),
    ];

    /// <summary>Record-level errors, by number.</summary>
    public static IReadOnlyDictionary<int, NccisErrorDefinition> RecordErrors { get; } = Definitions.ToDictionary(d => d.Code);

    /// <summary>Record-level errors of the 2015-16 requirement that later editions dropped, by number.</summary>
    public static IReadOnlyDictionary<int, NccisErrorDefinition> RetiredRecordErrors { get; } = new NccisErrorDefinition[]
    {
        new(29, 2, "YouthContractStartDate missing when YouthContractIndicator is Y (retired 2019-20)"),
        new(33, 2, "Academic age 20 or over without SEND (2015-16; retired 2019-20)"),
        new(36, 2, "YouthContractIndicator not Y/N (retired 2019-20)"),
        new(236, 2, "Activity 720 without characteristic 130 (retired with 720 in 2018)"),
        new(301, 2, "IntendedDestinationYr11 missing for Year 11 (removed 2020-21)"),
    }.ToDictionary(d => d.Code);

    /// <summary>File errors from nccis.md 8.2 (240, 903, 904) and the Waypoint-local structural ones.</summary>
    public static IReadOnlyDictionary<int, string> FileErrors { get; } = new Dictionary<int, string>
    {
        [240] = "YoungPersonsRecord without Activities",
        [903] = "YoungPersonsID prefix is not a DatabaseId in the header",
        [904] = "Unrecognised CohortStatus: the file fails",
        [MalformedXml] = "Not well-formed XML",
        [NotUtf8] = "Not valid UTF-8",
        [DtdProhibited] = "DTD or entity declarations are not allowed",
        [TooLarge] = "File larger than the size limit",
        [NotAnNccisFile] = "Root is not NCCIS or NCCIS2015, or FileHeader missing or repeated",
        [HeaderInvalid] = "FileHeader value missing or invalid",
        [RecordWithoutPersonalDetails] = "YoungPersonsRecord without PersonalDetails",
        [RecordTooComplex] = "A record or other element too large or too deeply nested",
        [Unreadable] = "File could not be read",
    };

    public static int PriorityOf(int code) =>
        RecordErrors.TryGetValue(code, out var d) || RetiredRecordErrors.TryGetValue(code, out d) ? d.Priority : 1;

    public static bool IsCounted(int code) => code != SuspectedDuplicate;
}
