using Waypoint.Core.Identifiers;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis;

/// <summary>The NCCIS record-level errors (shared/reference/nccis.md section 8.1) that a young person's own details can cause.</summary>
public static class PersonRules
{
    public static IReadOnlyList<RuleViolation> Validate(
        DateOnly dateOfBirth,
        Gender gender,
        string ethnicityCode,
        string? postcode,
        string? upn,
        string? uln,
        int levelOfNeed,
        bool hasEhcPlan,
        bool hasSenSupport,
        IReadOnlyCollection<string> characteristicCodes)
    {
        var violations = new List<RuleViolation>();

        if (string.IsNullOrWhiteSpace(ethnicityCode))
        {
            violations.Add(new("EthnicityCode", "Select an ethnicity", 6));
        }
        else if (!EthnicityCodes.All.ContainsKey(ethnicityCode))
        {
            violations.Add(new("EthnicityCode", "Select an ethnicity from the list", 7));
        }

        if (!string.IsNullOrWhiteSpace(postcode) && !Postcode.IsValid(postcode))
        {
            violations.Add(new("Postcode", "Enter a real postcode", 43));
        }

        if (!string.IsNullOrWhiteSpace(upn) && Upn.Validate(upn) is { } upnProblem)
        {
            // NCCIS itself only checks the length; a wrong check letter is still worth stopping at entry.
            violations.Add(new("Upn", upnProblem, upn.Length == 13 ? null : 38));
        }

        if (!string.IsNullOrWhiteSpace(uln) && !Uln.IsValid(uln))
        {
            var shapeValid = uln.Length == 10 && uln[0] != '0' && uln.All(char.IsAsciiDigit);
            violations.Add(shapeValid
                ? new("Uln", "ULN is not valid. Check it has been copied correctly", null)
                : new("Uln", "ULN must be 10 digits and not start with 0", 30));
        }

        if (levelOfNeed is < 1 or > 3)
        {
            violations.Add(new("LevelOfNeed", "Select a level of need: 1 (intensive support), 2 (supported) or 3 (minimum intervention)", 101));
        }

        if (hasEhcPlan && hasSenSupport)
        {
            violations.Add(new("HasSenSupport", "A young person with an EHC plan cannot also be recorded as having SEN support", 306));
        }

        if (gender == Gender.M && characteristicCodes.Contains("180"))
        {
            violations.Add(new("Characteristics", "Characteristic 180 (pregnant) cannot be recorded for a young person whose gender is male", 260));
        }

        foreach (var code in characteristicCodes.Where(c => !CharacteristicCodes.All.ContainsKey(c)).Distinct())
        {
            violations.Add(new("Characteristics", $"Characteristic {code} is not an NCCIS characteristic. Select one from the list", 104));
        }

        return violations;
    }
}
