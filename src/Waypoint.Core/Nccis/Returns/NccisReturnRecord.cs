namespace Waypoint.Core.Nccis.Returns;

/// <summary>One September Guarantee node (<c>Year11</c> or <c>Year12</c>).</summary>
internal sealed record GuaranteeEntry(string? GuaranteeStatus, string? LeaCode);

/// <summary>One <c>Activities/Cohort</c> node, values as written in the file.</summary>
internal sealed record ReturnActivity(
    string? ActivityCode,
    string? StartDate,
    string? DateAscertained,
    string? DateVerified,
    string? ReviewDate,
    string? DueToLapseDate,
    string? CurrencyLapsed,
    string? EstablishmentNumber,
    string? Ukprn,
    string? NeetStartDate,
    string? PredictedEndDate);

/// <summary>One <c>YoungPersonsRecord</c>, values as written in the file (trimmed, empty as null).</summary>
internal sealed record NccisReturnRecord
{
    public bool HasPersonalDetails { get; init; }
    public string? YoungPersonsId { get; init; }
    public string? CohortStatus { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public bool HasAddress { get; init; }
    public string? Postcode { get; init; }
    public string? Gender { get; init; }
    public string? Dob { get; init; }
    public string? Ethnicity { get; init; }
    public string? LeadLea { get; init; }
    public string? EducatedLea { get; init; }
    public string? TransferredToLaCode { get; init; }
    public string? LeaCodeAtYear11 { get; init; }
    public string? Uln { get; init; }
    public string? Upn { get; init; }
    public string? GuaranteeStatusIndicator { get; init; }
    public string? YouthContractIndicator { get; init; }
    public string? YouthContractStartDate { get; init; }
    public string? PreviousYpid { get; init; }
    public GuaranteeEntry? Year11 { get; init; }
    public GuaranteeEntry? Year12 { get; init; }
    public bool HasLevelOfNeed { get; init; }
    public string? LevelOfNeedCode { get; init; }
    public string? SendFlag { get; init; }
    public string? SenSupportFlag { get; init; }
    public IReadOnlyList<string> Characteristics { get; init; } = [];
    public bool HasActivities { get; init; }
    public IReadOnlyList<ReturnActivity> Activities { get; init; } = [];
    public string? IntendedDestination { get; init; }

    private static readonly string[] AddressElements = ["AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4", "Town", "County"];

    public static NccisReturnRecord From(ElementNode record)
    {
        var person = record.Child("PersonalDetails");
        var guarantee = record.Child("SeptemberGuarantee");
        var need = record.Child("LevelOfNeed");
        var activities = record.Child("Activities");
        return new NccisReturnRecord
        {
            HasPersonalDetails = person is not null,
            YoungPersonsId = person?.Value("YoungPersonsID"),
            CohortStatus = person?.Value("CohortStatus"),
            GivenName = person?.Value("GivenName"),
            FamilyName = person?.Value("FamilyName"),
            HasAddress = person is not null && AddressElements.Any(e => person.Value(e) is not null),
            Postcode = person?.Value("Postcode"),
            Gender = person?.Value("Gender"),
            Dob = person?.Value("DOB"),
            Ethnicity = person?.Value("Ethnicity"),
            LeadLea = person?.Value("LeadLEA"),
            EducatedLea = person?.Value("EducatedLEA"),
            TransferredToLaCode = person?.Value("TransferredToLACode"),
            LeaCodeAtYear11 = person?.Value("LEACodeAtYear11"),
            Uln = person?.Value("UniqueLearnerNo"),
            Upn = person?.Value("UniquePupilNumber"),
            GuaranteeStatusIndicator = person?.Value("GuaranteeStatusIndicator"),
            YouthContractIndicator = person?.Value("YouthContractIndicator"),
            YouthContractStartDate = person?.Value("YouthContractStartDate"),
            PreviousYpid = person?.Value("PreviousYPIDIdentifier"),
            Year11 = Guarantee(guarantee?.Child("Year11")),
            Year12 = Guarantee(guarantee?.Child("Year12")),
            HasLevelOfNeed = need is not null,
            LevelOfNeedCode = need?.Value("LevelOfNeedCode"),
            SendFlag = need?.Value("SENDFlag"),
            SenSupportFlag = need?.Value("SENSupportFlag"),
            Characteristics = need?.Child("Characteristics")?.All("CharacteristicCode").Select(c => c.Text ?? "").ToList() ?? [],
            HasActivities = activities is not null,
            Activities = activities?.All("Cohort").Select(Activity).ToList() ?? [],
            IntendedDestination = record.Child("IntendedDestination")?.Value("IntendedDestinationYr11"),
        };
    }

    private static GuaranteeEntry? Guarantee(ElementNode? node) =>
        node is null ? null : new(node.Value("GuaranteeStatus"), node.Value("LEACode"));

    private static ReturnActivity Activity(ElementNode cohort) => new(
        cohort.Value("ActivityCode"),
        cohort.Value("StartDate"),
        cohort.Value("DateAscertained"),
        cohort.Value("DateVerified"),
        cohort.Value("ReviewDate"),
        cohort.Value("DueToLapseDate"),
        cohort.Value("CurrencyLapsed"),
        cohort.Value("EstablishmentNumber"),
        cohort.Value("UKProviderReferenceNumber"),
        cohort.Value("NEETStartDate"),
        cohort.Value("PredictedEndDate"));
}
