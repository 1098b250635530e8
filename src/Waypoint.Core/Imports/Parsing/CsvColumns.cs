namespace Waypoint.Core.Imports.Parsing;

internal enum Column
{
    Upn,
    FormerUpn,
    Uln,
    GivenName,
    MiddleNames,
    FamilyName,
    PreferredGivenName,
    PreferredFamilyName,
    DateOfBirth,
    Sex,
    Ethnicity,
    AddressLine1,
    AddressLine2,
    AddressLine3,
    Town,
    County,
    Postcode,
    Email,
    Phone,
    SchoolLaEstab,
    SchoolUrn,
    SchoolName,
    YearGroup,
    FreeSchoolMeals,
    SenProvision,
    LookedAfter,
    YoungCarer,
    EnglishAdditionalLanguage,
    AttendancePercent,
    Suspensions,
    PermanentExclusions,
    Ukprn,
    ProviderName,
    CourseTitle,
    Mode,
    ActivityCode,
    StartDate,
    PlannedEndDate,
    LeftOn,
    LeavingReason,
    NationalInsuranceNumber,
    ClaimDate,
    BenefitType,
}

/// <summary>
/// The columns each CSV kind reads and the header names accepted for them. Headers are compared after
/// <see cref="Fold"/>, so "Date of Birth", "date_of_birth" and "DATE-OF-BIRTH" are the same. Keep docs/imports.md in step.
/// </summary>
internal static class CsvColumns
{
    private static readonly (Column Column, string[] Aliases)[] Person =
    [
        (Column.GivenName, ["Forename", "First name", "Given name", "Legal forename", "Forenames", "Learner forename", "Learner first name", "Learner given name"]),
        (Column.MiddleNames, ["Middle names", "Middle name"]),
        (Column.FamilyName, ["Surname", "Family name", "Last name", "Legal surname", "Learner surname", "Learner family name", "Learner last name"]),
        (Column.PreferredGivenName, ["Preferred forename", "Preferred first name", "Preferred given name", "Preferred name", "Known as"]),
        (Column.PreferredFamilyName, ["Preferred surname", "Preferred family name", "Preferred last name"]),
        (Column.DateOfBirth, ["DOB", "Date of birth", "Birth date", "Learner DOB", "Learner date of birth"]),
        (Column.Sex, ["Sex", "Gender", "Learner sex", "Learner gender"]),
        (Column.AddressLine1, ["Address line 1", "Address 1"]),
        (Column.AddressLine2, ["Address line 2", "Address 2"]),
        (Column.AddressLine3, ["Address line 3", "Address 3"]),
        (Column.Town, ["Town", "City", "Post town", "Town/city"]),
        (Column.County, ["County"]),
        (Column.Postcode, ["Postcode", "Post code", "Postal code", "Home postcode", "Learner postcode"]),
        (Column.Email, ["Email", "Email address"]),
        (Column.Phone, ["Phone", "Telephone", "Phone number", "Telephone number", "Mobile", "Mobile number"]),
    ];

    private static readonly (Column Column, string[] Aliases)[] Roll =
    [
        (Column.Upn, ["UPN", "Unique pupil number"]),
        (Column.FormerUpn, ["Former UPN", "Previous UPN", "Old UPN"]),
        (Column.Uln, ["ULN", "Unique learner number"]),
        (Column.Ethnicity, ["Ethnicity", "Ethnicity code", "Ethnic code", "Ethnic group"]),
        (Column.SchoolLaEstab, ["LAESTAB", "School LAESTAB", "DfE number", "DfE no"]),
        (Column.SchoolUrn, ["URN", "School URN"]),
        (Column.SchoolName, ["School name", "School"]),
        (Column.YearGroup, ["NC year", "Year group", "NC year actual", "Year"]),
        (Column.FreeSchoolMeals, ["FSM", "Free school meals", "FSM eligible"]),
        (Column.SenProvision, ["SEN provision", "SEN", "SEN status"]),
        (Column.LookedAfter, ["Looked after", "In care", "CLA", "LAC"]),
        (Column.YoungCarer, ["Young carer"]),
        (Column.EnglishAdditionalLanguage, ["EAL", "English as an additional language", "English additional language"]),
        (Column.AttendancePercent, ["Attendance %", "Attendance percent", "Attendance percentage"]),
        (Column.Suspensions, ["Suspensions", "Fixed term exclusions", "Fixed period exclusions", "Number of suspensions"]),
        (Column.PermanentExclusions, ["Permanent exclusions", "Perm exclusions"]),
    ];

    private static readonly (Column Column, string[] Aliases)[] Enrolments =
    [
        (Column.Uln, ["ULN", "Learner ULN", "Unique learner number"]),
        (Column.Ukprn, ["UKPRN", "Provider UKPRN"]),
        (Column.ProviderName, ["Provider name", "Provider", "College name", "College"]),
        (Column.CourseTitle, ["Course title", "Course", "Course name", "Programme", "Learning aim title"]),
        (Column.Mode, ["Mode", "Mode of study", "Study mode"]),
        (Column.ActivityCode, ["Activity code", "NCCIS activity code", "NCCIS activity", "Activity"]),
        (Column.StartDate, ["Start date", "Enrolment date", "Learning start date"]),
        (Column.PlannedEndDate, ["Planned end date", "Expected end date", "Planned end"]),
        (Column.LeftOn, ["Actual end date", "Leaving date", "Date left", "Left date", "End date", "Withdrawal date"]),
        (Column.LeavingReason, ["Leaving reason", "Reason for leaving", "Withdrawal reason"]),
    ];

    private static readonly (Column Column, string[] Aliases)[] BenefitClaims =
    [
        (Column.NationalInsuranceNumber, ["NI number", "NINO", "National Insurance number", "National Insurance no"]),
        (Column.ClaimDate, ["Claim date", "Date of claim", "Claim start date"]),
        (Column.BenefitType, ["Benefit type", "Benefit", "Benefit name"]),
    ];

    private static readonly Dictionary<ImportKind, Dictionary<string, Column>> ByKind = new()
    {
        [ImportKind.Roll] = Index(Person, Roll),
        [ImportKind.Enrolments] = Index(Person, Enrolments),
        [ImportKind.BenefitClaims] = Index(Person, BenefitClaims),
    };

    public static IReadOnlyList<Column> Required(ImportKind kind) => kind switch
    {
        ImportKind.Enrolments => [Column.Ukprn, Column.GivenName, Column.FamilyName, Column.DateOfBirth, Column.StartDate],
        ImportKind.BenefitClaims => [Column.GivenName, Column.FamilyName, Column.DateOfBirth, Column.ClaimDate, Column.BenefitType],
        _ => [Column.GivenName, Column.FamilyName, Column.DateOfBirth],
    };

    /// <summary>The header name docs and messages use for a column: its first alias.</summary>
    public static string Name(ImportKind kind, Column column) =>
        Person.Concat(kind switch
        {
            ImportKind.Enrolments => Enrolments,
            ImportKind.BenefitClaims => BenefitClaims,
            _ => Roll,
        }).FirstOrDefault(c => c.Column == column).Aliases?[0] ?? column.ToString();

    public static Column? Find(ImportKind kind, string header) =>
        ByKind[kind].TryGetValue(Fold(header), out var column) ? column : null;

    /// <summary>Lower-case letters and digits only: case, spaces, underscores and punctuation do not count.</summary>
    public static string Fold(string header)
    {
        Span<char> folded = stackalloc char[Math.Min(header.Length, 256)];
        var n = 0;
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c) && n < folded.Length)
            {
                folded[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(folded[..n]);
    }

    private static Dictionary<string, Column> Index(params (Column Column, string[] Aliases)[][] tables)
    {
        var index = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (var (column, aliases) in tables.SelectMany(t => t))
        {
            foreach (var alias in aliases)
            {
                // Spellings that fold alike ("Postcode", "Post code") are listed for the docs; only a clash matters.
                if (index.TryGetValue(Fold(alias), out var existing) && existing != column)
                {
                    throw new InvalidOperationException($"The header alias \"{alias}\" names two columns.");
                }

                index[Fold(alias)] = column;
            }
        }

        return index;
    }
}
