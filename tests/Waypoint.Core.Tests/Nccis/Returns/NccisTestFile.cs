using System.Text;
using System.Xml.Linq;
using Waypoint.Core.Identifiers;

namespace Waypoint.Core.Tests.Nccis.Returns;

/// <summary>
/// Builds NCCIS return files for the validator tests. <see cref="Clean"/> is a one-record file that commits no
/// error at <see cref="PeriodEnd"/>: a Year 12 young person in further education, with a Year 11 September
/// Guarantee offer recorded by the same LA.
/// </summary>
public static class NccisTestFile
{
    public static readonly DateOnly PeriodEnd = new(2025, 11, 30);

    private static readonly string[] Ethnicities = ["WBRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "BBRI", "CHNE", "OOTH", "NOBT"];
    private static readonly string[] Genders = ["F", "M", "U", "W"];

    public static XDocument Clean() => Document(Record());

    public static XDocument Document(params XElement[] records) => new(
        new XDeclaration("1.0", "utf-8", null),
        new XElement("NCCIS",
            new XElement("FileHeader",
                new XElement("Databases", new XElement("DatabaseId", "931")),
                new XElement("SourceLEAs", new XElement("LEACode", "931")),
                new XElement("DateOfSend", "2025-12-03"),
                new XElement("PeriodEnd", PeriodEnd.ToString("yyyy-MM-dd")),
                new XElement("SupplierName", "Waypoint"),
                new XElement("SupplierXMLVersion", "1.0"),
                new XElement("XMLSchemaVersion", "2019-20")),
            records));

    /// <summary>A clean record; <paramref name="index"/> varies identifiers, names and codes so many can share a file.</summary>
    public static XElement Record(int index = 1)
    {
        var activity = (index % 3) switch
        {
            0 => Activity("310", start: "2025-09-01", dueToLapse: "2026-10-01", predictedEnd: null),
            1 => Activity("230", start: "2025-09-01", dueToLapse: "2026-08-31", predictedEnd: "2027-06-30"),
            _ => Activity("619", start: "2025-10-01", dueToLapse: null, predictedEnd: null, neetStart: "2025-09-20"),
        };
        return new XElement("YoungPersonsRecord",
            new XElement("PersonalDetails",
                new XElement("YoungPersonsID", $"931{index:0000000000}"),
                new XElement("CohortStatus", "P"),
                new XElement("GivenName", $"Given{Letters(index)}"),
                new XElement("FamilyName", $"Family{Letters(index / 7)}"),
                new XElement("AddressLine1", $"{index % 200 + 1} High Street"),
                new XElement("Town", "Oxford"),
                new XElement("Postcode", "OX4 3AB"),
                new XElement("Gender", Genders[index % Genders.Length]),
                new XElement("DOB", new DateOnly(2008, 9, 1).AddDays(index % 365).ToString("yyyy-MM-dd")),
                new XElement("Ethnicity", Ethnicities[index % Ethnicities.Length]),
                new XElement("LeadLEA", "931"),
                new XElement("EducatedLEA", "931"),
                new XElement("LEACodeAtYear11", "931"),
                new XElement("UniqueLearnerNo", (1_000_000_000L + index).ToString()),
                new XElement("UniquePupilNumber", Upn.Create("931", "4001", 14, index % 1000)),
                new XElement("GuaranteeStatusIndicator", "Y")),
            new XElement("SeptemberGuarantee",
                new XElement("Year11", new XElement("GuaranteeStatus", "110"), new XElement("LEACode", "931"))),
            new XElement("LevelOfNeed",
                new XElement("LevelOfNeedCode", (index % 3 + 1).ToString()),
                new XElement("SENDFlag", "N"),
                new XElement("SENSupportFlag", index % 5 == 0 ? "Y" : "N"),
                new XElement("Characteristics", index % 4 == 0 ? new XElement("CharacteristicCode", "110") : null)),
            new XElement("Activities", activity),
            new XElement("IntendedDestination", new XElement("IntendedDestinationYr11", "121")));
    }

    public static XElement Activity(string code, string start, string? dueToLapse, string? predictedEnd, string? neetStart = null) =>
        new("Cohort",
            new XElement("ActivityCode", code),
            new XElement("StartDate", start),
            new XElement("DateAscertained", start),
            new XElement("DateVerified", "2025-10-01"),
            dueToLapse is null ? null : new XElement("DueToLapseDate", dueToLapse),
            new XElement("CurrencyLapsed", "N"),
            code == "230" ? new XElement("EstablishmentNumber", "9314001") : null,
            code == "230" ? new XElement("UKProviderReferenceNumber", "10001234") : null,
            neetStart is null ? null : new XElement("NEETStartDate", neetStart),
            predictedEnd is null ? null : new XElement("PredictedEndDate", predictedEnd));

    public static XElement FirstRecord(this XDocument document) => document.Root!.Element("YoungPersonsRecord")!;

    /// <summary>Sets (or with null removes) the first element called <paramref name="name"/> in the first record, adding it where the schema puts it if missing.</summary>
    public static XDocument Set(this XDocument document, string name, string? value)
    {
        var record = document.FirstRecord();
        var element = record.Descendants(name).FirstOrDefault();
        if (value is null)
        {
            element?.Remove();
        }
        else if (element is not null)
        {
            element.Value = value;
        }
        else
        {
            var parent = name switch
            {
                "ReviewDate" or "NEETStartDate" or "EstablishmentNumber" or "DueToLapseDate" or "PredictedEndDate" or "CurrencyLapsed" => record.Descendants("Cohort").First(),
                "CharacteristicCode" => record.Descendants("Characteristics").First(),
                _ => record.Element("PersonalDetails")!,
            };
            parent.Add(new XElement(name, value));
        }

        return document;
    }

    public static byte[] Bytes(this XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    public static MemoryStream Stream(this XDocument document) => new(document.Bytes());

    public static MemoryStream Stream(string xml) => new(Encoding.UTF8.GetBytes(xml));

    // Names without digits, so each index gives a distinct, realistic-looking name.
    private static string Letters(int n)
    {
        var builder = new StringBuilder();
        do
        {
            builder.Insert(0, (char)('a' + n % 26));
            n /= 26;
        }
        while (n > 0);
        return builder.ToString();
    }
}
