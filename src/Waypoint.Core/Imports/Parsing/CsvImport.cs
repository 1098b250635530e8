namespace Waypoint.Core.Imports.Parsing;

/// <summary>Reads the three CSV kinds (roll, enrolments, benefit claims) into <see cref="IncomingRecord"/>s, one row at a time.</summary>
internal sealed class CsvImport
{
    private const string RowField = "Row";
    private static readonly int ColumnCount = Enum.GetValues<Column>().Length;

    private readonly ImportKind kind;
    private readonly RowChecks checks;
    private readonly int[] index = new int[ColumnCount];
    private readonly string[] names = new string[ColumnCount];
    private readonly List<string> fields = new(64);

    // A file repeats the same names, towns, codes and schools thousands of times: rows share one string for each, so a
    // 100,000-row roll held for matching takes tens of megabytes less. Capped, so a file of all-different values is no worse.
    private readonly Dictionary<string, string> shared = new(StringComparer.Ordinal);
    private const int SharedCap = 100_000;

    private CsvImport(ImportKind kind, DateOnly today)
    {
        this.kind = kind;
        checks = new RowChecks(kind, today);
        Array.Fill(index, -1);
        foreach (var column in Enum.GetValues<Column>())
        {
            names[(int)column] = CsvColumns.Name(kind, column);
        }
    }

    public static void Parse(ImportKind kind, Stream stream, ParsedFile file, DateOnly today, ImportLimits limits) =>
        new CsvImport(kind, today).Run(stream, file, limits);

    private void Run(Stream stream, ParsedFile file, ImportLimits limits)
    {
        var decoding = new CsvText();
        using var text = decoding.Open(stream);
        var csv = new CsvReader(text);

        int line;
        bool unterminated;
        do
        {
            if (!csv.ReadRecord(fields, out line, out unterminated))
            {
                file.FileError = "The file is empty: it has no header row.";
                return;
            }
        }
        while (IsBlank(fields));

        if (ReadHeader(file) is { } refusal)
        {
            file.FileError = refusal;
            return;
        }

        var width = fields.Count;
        while (csv.ReadRecord(fields, out line, out unterminated))
        {
            if (IsBlank(fields))
            {
                continue;
            }

            if (++file.RowsRead > limits.MaxRows)
            {
                throw new TooManyRowsException(limits.MaxRows);
            }

            checks.Start(line);
            IncomingRecord? record = null;
            if (unterminated)
            {
                checks.Fail(RowField, null, "The row has a quoted field with no closing quote before the end of the file.");
            }
            else if (fields.Count != width)
            {
                checks.Fail(RowField, $"{fields.Count} fields", $"The row has {fields.Count} fields but the header has {width}; check for a missing value or an unquoted comma.");
            }
            else
            {
                record = ReadRow(line);
            }

            if (record is not null && checks.Ok)
            {
                file.Records.Add(record);
            }
            else
            {
                file.Rejected.AddRange(checks.Errors);
            }
        }

        if (decoding.UsedWindows1252)
        {
            file.Warnings.Add("The file is not valid UTF-8, so it was read as Windows-1252 (as Excel saves CSV files). Check that accented letters in names came through correctly, or save the file as \"CSV UTF-8\".");
        }
    }

    /// <summary>Maps header names to columns; returns why the file is refused, if it is.</summary>
    private string? ReadHeader(ParsedFile file)
    {
        var first = fields[0];
        if (first.StartsWith("PK\u0003\u0004", StringComparison.Ordinal))
        {
            return "The file is a zip archive (perhaps an Excel workbook), not a CSV. Save it as \"CSV UTF-8\" and try again.";
        }

        if (first.StartsWith("\u00FF\u00FE", StringComparison.Ordinal) || first.StartsWith("\u00FE\u00FF", StringComparison.Ordinal))
        {
            return "The file is saved as UTF-16 (\"Unicode text\"). Save it as \"CSV UTF-8\" and try again.";
        }

        var ignored = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var header = fields[i].Trim();
            if (header.Length == 0)
            {
                continue;
            }

            var shown = header.Length > 50 ? header[..50] + "…" : header;
            if (CsvColumns.Find(kind, header) is not { } column)
            {
                ignored.Add(shown);
            }
            else if (index[(int)column] >= 0)
            {
                file.Warnings.Add($"The columns \"{names[(int)column]}\" and \"{shown}\" are the same field; only \"{names[(int)column]}\" was read.");
            }
            else
            {
                index[(int)column] = i;
                names[(int)column] = shown;
            }
        }

        var missing = CsvColumns.Required(kind).Where(c => index[(int)c] < 0).Select(c => CsvColumns.Name(kind, c)).ToList();
        if (missing.Count > 0)
        {
            var found = string.Join(", ", fields.Take(20).Select(f => f.Length > 30 ? f[..30] + "…" : f));
            return $"The file has no {string.Join(", ", missing)} column{(missing.Count > 1 ? "s" : "")} (docs/imports.md lists the header names accepted). Its headers are: {found}.";
        }

        if (ignored.Count > 0)
        {
            file.Warnings.Add($"Columns not read: {string.Join(", ", ignored.Take(30))}{(ignored.Count > 30 ? $" and {ignored.Count - 30} more" : "")}.");
        }

        if (kind == ImportKind.Roll && index[(int)Column.Upn] < 0)
        {
            file.Warnings.Add("The file has no UPN column, so pupils will be matched on names, date of birth and postcode only.");
        }

        if (kind == ImportKind.Enrolments && index[(int)Column.Mode] < 0 && index[(int)Column.ActivityCode] < 0)
        {
            file.Warnings.Add("The file has no Mode or Activity code column, so no NCCIS activity can be worked out from it.");
        }

        return null;
    }

    private IncomingRecord? ReadRow(int line)
    {
        var given = Shared(checks.Required(N(Column.GivenName), V(Column.GivenName)));
        var family = Shared(checks.Required(N(Column.FamilyName), V(Column.FamilyName)));
        var dob = checks.DateOfBirth(N(Column.DateOfBirth), V(Column.DateOfBirth));
        var postcode = checks.Postcode(N(Column.Postcode), V(Column.Postcode));
        var line1 = checks.Text(N(Column.AddressLine1), V(Column.AddressLine1));
        var line2 = checks.Text(N(Column.AddressLine2), V(Column.AddressLine2));
        var line3 = checks.Text(N(Column.AddressLine3), V(Column.AddressLine3));
        var town = Shared(checks.Text(N(Column.Town), V(Column.Town)));
        var county = Shared(checks.Text(N(Column.County), V(Column.County)));
        var person = new IncomingRecord
        {
            Row = line,
            Uln = checks.Uln(N(Column.Uln), V(Column.Uln)),
            GivenName = given ?? "",
            MiddleNames = Shared(checks.Text(N(Column.MiddleNames), V(Column.MiddleNames))),
            FamilyName = family ?? "",
            PreferredGivenName = checks.Text(N(Column.PreferredGivenName), V(Column.PreferredGivenName)),
            PreferredFamilyName = checks.Text(N(Column.PreferredFamilyName), V(Column.PreferredFamilyName)),
            DateOfBirth = dob ?? default,
            Gender = checks.Sex(N(Column.Sex), V(Column.Sex)),
            Address = (line1 ?? line2 ?? line3 ?? town ?? county ?? postcode) is null ? null : new IncomingAddress(line1, line2, line3, town, county, postcode),
            Email = checks.Email(N(Column.Email), V(Column.Email)),
            Phone = checks.Phone(N(Column.Phone), V(Column.Phone)),
        };

        var record = kind switch
        {
            ImportKind.Roll => Roll(person),
            ImportKind.Enrolments => Enrolment(person),
            _ => BenefitClaim(person),
        };
        return checks.Ok ? record : null;
    }

    private IncomingRecord Roll(IncomingRecord person) => person with
    {
        Upn = checks.Upn(N(Column.Upn), V(Column.Upn)),
        FormerUpn = checks.Upn(N(Column.FormerUpn), V(Column.FormerUpn)),
        EthnicityCode = Shared(checks.Ethnicity(N(Column.Ethnicity), V(Column.Ethnicity))),
        SchoolLaEstab = Shared(checks.Digits(N(Column.SchoolLaEstab), V(Column.SchoolLaEstab), 7, 7, "a 7-digit LAESTAB (LA code and establishment number)")),
        SchoolUrn = checks.Digits(N(Column.SchoolUrn), V(Column.SchoolUrn), 6, 7, "a 6 or 7 digit URN"),
        SchoolName = checks.Text(N(Column.SchoolName), V(Column.SchoolName), 200),
        YearGroup = checks.YearGroup(N(Column.YearGroup), V(Column.YearGroup)),
        FreeSchoolMeals = checks.Flag(N(Column.FreeSchoolMeals), V(Column.FreeSchoolMeals)),
        SenProvision = Shared(checks.SenProvision(N(Column.SenProvision), V(Column.SenProvision))),
        LookedAfter = checks.Flag(N(Column.LookedAfter), V(Column.LookedAfter)),
        YoungCarer = checks.YoungCarer(N(Column.YoungCarer), V(Column.YoungCarer)),
        EnglishAdditionalLanguage = checks.Flag(N(Column.EnglishAdditionalLanguage), V(Column.EnglishAdditionalLanguage)),
        AttendancePercent = checks.Percent(N(Column.AttendancePercent), V(Column.AttendancePercent)),
        Suspensions = checks.Count(N(Column.Suspensions), V(Column.Suspensions)),
        PermanentExclusions = checks.Count(N(Column.PermanentExclusions), V(Column.PermanentExclusions)),
    };

    private IncomingRecord? Enrolment(IncomingRecord person)
    {
        var ukprnName = N(Column.Ukprn);
        var ukprn = checks.Digits(ukprnName, V(Column.Ukprn), 8, 8, "an 8-digit UKPRN");
        if (string.IsNullOrWhiteSpace(V(Column.Ukprn)))
        {
            checks.Fail(ukprnName, null, $"{ukprnName} is missing.");
        }

        var providerName = checks.Text(N(Column.ProviderName), V(Column.ProviderName), 200);
        var code = checks.ActivityCode(N(Column.ActivityCode), V(Column.ActivityCode));
        var fromMode = checks.ModeActivity(N(Column.Mode), V(Column.Mode));
        var start = checks.RequiredDate(N(Column.StartDate), V(Column.StartDate));
        var plannedEnd = checks.Date(N(Column.PlannedEndDate), V(Column.PlannedEndDate));
        var leftOn = checks.Date(N(Column.LeftOn), V(Column.LeftOn));
        if (start is { } s && plannedEnd < s)
        {
            checks.Fail(N(Column.PlannedEndDate), V(Column.PlannedEndDate)!.Trim(), $"{N(Column.PlannedEndDate)} is before the start date.");
        }

        if (start is { } st && leftOn < st)
        {
            checks.Fail(N(Column.LeftOn), V(Column.LeftOn)!.Trim(), $"{N(Column.LeftOn)} is before the start date.");
        }

        if (leftOn > Today)
        {
            checks.Fail(N(Column.LeftOn), V(Column.LeftOn)!.Trim(), $"{N(Column.LeftOn)} is in the future; send the leaver notice once the learner has left.");
        }

        var leavingReason = checks.Text(N(Column.LeavingReason), V(Column.LeavingReason), 200);
        if (ukprn is null || start is null)
        {
            return null;
        }

        return person with
        {
            SchoolLaEstab = ukprn,
            SchoolName = providerName,
            Enrolment = new IncomingEnrolment(ukprn, providerName, checks.Text(N(Column.CourseTitle), V(Column.CourseTitle), 200), code ?? fromMode, start.Value, plannedEnd, leftOn, leavingReason),
        };
    }

    private IncomingRecord? BenefitClaim(IncomingRecord person)
    {
        var nino = checks.NationalInsuranceNumber(N(Column.NationalInsuranceNumber), V(Column.NationalInsuranceNumber));
        var claimDate = checks.RequiredDate(N(Column.ClaimDate), V(Column.ClaimDate));
        if (claimDate > Today)
        {
            checks.Fail(N(Column.ClaimDate), V(Column.ClaimDate)!.Trim(), $"{N(Column.ClaimDate)} is in the future.");
        }

        var benefit = checks.Required(N(Column.BenefitType), V(Column.BenefitType));
        return claimDate is null || benefit is null ? null : person with { BenefitClaim = new IncomingBenefitClaim(claimDate.Value, benefit, nino) };
    }

    private DateOnly Today => checks.Today;

    private string? Shared(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (shared.TryGetValue(value, out var held))
        {
            return held;
        }

        if (shared.Count < SharedCap)
        {
            shared[value] = value;
        }

        return value;
    }

    private string? V(Column column) => index[(int)column] is >= 0 and var i ? fields[i] : null;

    private string N(Column column) => names[(int)column];

    private static bool IsBlank(List<string> fields) => fields.TrueForAll(string.IsNullOrWhiteSpace);
}

internal sealed class TooManyRowsException(int maxRows) : Exception($"The file has more than {maxRows:N0} rows.")
{
    public int MaxRows { get; } = maxRows;
}
