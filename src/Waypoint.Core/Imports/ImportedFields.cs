using System.Text.Json;
using Waypoint.Core.Audit;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Imports;

/// <summary>
/// The fields of a young person's record an import may change, as one value: taken before and after an import so a
/// revert can put back each field the import changed, unless someone has changed it again since.
/// </summary>
public sealed record ImportedFields(
    string GivenName,
    string? MiddleNames,
    string FamilyName,
    string? PreferredGivenName,
    string? PreferredFamilyName,
    DateOnly DateOfBirth,
    Gender Gender,
    string EthnicityCode,
    string? AddressLine1,
    string? AddressLine2,
    string? AddressLine3,
    string? Town,
    string? County,
    string? Postcode,
    string? Email,
    string? Phone,
    string? Upn,
    string? FormerUpn,
    string? Uln,
    Guid? SchoolId,
    bool HasEhcPlan,
    bool HasSenSupport)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ImportedFields Of(YoungPerson p) => new(
        p.GivenName, p.MiddleNames, p.FamilyName, p.PreferredGivenName, p.PreferredFamilyName, p.DateOfBirth, p.Gender, p.EthnicityCode,
        p.AddressLine1, p.AddressLine2, p.AddressLine3, p.Town, p.County, p.Postcode, p.Email, p.Phone, p.Upn, p.FormerUpn, p.Uln,
        p.SchoolId, p.HasEhcPlan, p.HasSenSupport);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportedFields FromJson(string json) => JsonSerializer.Deserialize<ImportedFields>(json, Json)!;

    /// <summary>Each field whose value differs, by name, with both values as text.</summary>
    public IReadOnlyList<FieldChange> Differences(ImportedFields other)
    {
        var changes = new List<FieldChange>();
        foreach (var (name, mine, theirs) in Pairs(other))
        {
            if (!Equals(mine, theirs))
            {
                changes.Add(new FieldChange(name, mine?.ToString(), theirs?.ToString()));
            }
        }

        return changes;
    }

    /// <summary>
    /// Puts back <paramref name="before"/>'s value for each field where the record still holds this (the imported)
    /// value; returns the fields left alone because they were changed again after the import.
    /// </summary>
    public IReadOnlyList<string> RevertOnto(YoungPerson p, ImportedFields before)
    {
        var current = Of(p);
        var kept = Pairs(before).Zip(current.Pairs(this))
            .Where(pair => !Equals(pair.First.Mine, pair.First.Theirs) && !Equals(pair.Second.Mine, pair.Second.Theirs))
            .Select(pair => pair.First.Name)
            .ToList();

        // Field by field: where the record still holds the imported value, the value from before; else what it holds now.
        string? S(Func<ImportedFields, string?> f) => Equals(f(current), f(this)) ? f(before) : f(current);
        T V<T>(Func<ImportedFields, T> f) => Equals(f(current), f(this)) ? f(before) : f(current);
        p.GivenName = S(f => f.GivenName)!;
        p.MiddleNames = S(f => f.MiddleNames);
        p.FamilyName = S(f => f.FamilyName)!;
        p.PreferredGivenName = S(f => f.PreferredGivenName);
        p.PreferredFamilyName = S(f => f.PreferredFamilyName);
        p.DateOfBirth = V(f => f.DateOfBirth);
        p.Gender = V(f => f.Gender);
        p.EthnicityCode = S(f => f.EthnicityCode)!;
        p.AddressLine1 = S(f => f.AddressLine1);
        p.AddressLine2 = S(f => f.AddressLine2);
        p.AddressLine3 = S(f => f.AddressLine3);
        p.Town = S(f => f.Town);
        p.County = S(f => f.County);
        p.Postcode = S(f => f.Postcode);
        p.Email = S(f => f.Email);
        p.Phone = S(f => f.Phone);
        p.Upn = S(f => f.Upn);
        p.FormerUpn = S(f => f.FormerUpn);
        p.Uln = S(f => f.Uln);
        p.SchoolId = V(f => f.SchoolId);
        p.HasEhcPlan = V(f => f.HasEhcPlan);
        p.HasSenSupport = V(f => f.HasSenSupport);
        return kept;
    }

    private IEnumerable<(string Name, object? Mine, object? Theirs)> Pairs(ImportedFields other)
    {
        yield return (nameof(GivenName), GivenName, other.GivenName);
        yield return (nameof(MiddleNames), MiddleNames, other.MiddleNames);
        yield return (nameof(FamilyName), FamilyName, other.FamilyName);
        yield return (nameof(PreferredGivenName), PreferredGivenName, other.PreferredGivenName);
        yield return (nameof(PreferredFamilyName), PreferredFamilyName, other.PreferredFamilyName);
        yield return (nameof(DateOfBirth), DateOfBirth, other.DateOfBirth);
        yield return (nameof(Gender), Gender, other.Gender);
        yield return (nameof(EthnicityCode), EthnicityCode, other.EthnicityCode);
        yield return (nameof(AddressLine1), AddressLine1, other.AddressLine1);
        yield return (nameof(AddressLine2), AddressLine2, other.AddressLine2);
        yield return (nameof(AddressLine3), AddressLine3, other.AddressLine3);
        yield return (nameof(Town), Town, other.Town);
        yield return (nameof(County), County, other.County);
        yield return (nameof(Postcode), Postcode, other.Postcode);
        yield return (nameof(Email), Email, other.Email);
        yield return (nameof(Phone), Phone, other.Phone);
        yield return (nameof(Upn), Upn, other.Upn);
        yield return (nameof(FormerUpn), FormerUpn, other.FormerUpn);
        yield return (nameof(Uln), Uln, other.Uln);
        yield return (nameof(SchoolId), SchoolId, other.SchoolId);
        yield return (nameof(HasEhcPlan), HasEhcPlan, other.HasEhcPlan);
        yield return (nameof(HasSenSupport), HasSenSupport, other.HasSenSupport);
    }
}
