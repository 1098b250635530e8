using System.Globalization;
using System.Text;
using System.Xml;
using Waypoint.Core.Nccis.Returns;

namespace Waypoint.Core.Imports.Parsing;

/// <summary>
/// Reads a Common Transfer File (interop.md section 1) one <c>Pupil</c> at a time, so memory stays flat however many
/// pupils there are. Elements are matched by local name, ignoring namespaces and case, because DfE's producers write
/// no namespace, the 2010 schema declared one, and suppliers differ on case (CTFversion / CTFVersion).
/// Unknown elements are skipped.
/// </summary>
internal sealed class CtfImport
{
    private readonly ParsedFile file;
    private readonly ImportLimits limits;
    private readonly DateOnly today;
    private readonly RowChecks checks;
    private string? sourceLaEstab;
    private string? sourceUrn;
    private string? sourceName;

    private CtfImport(ParsedFile file, DateOnly today, ImportLimits limits)
    {
        this.file = file;
        this.today = today;
        this.limits = limits;
        checks = new RowChecks(ImportKind.Ctf, today);
    }

    public static void Parse(Stream stream, ParsedFile file, DateOnly today, ImportLimits limits)
    {
        using var text = NccisXml.OpenText(stream);
        XmlReader? reader = null;
        try
        {
            // Create reads the first buffer, so it can throw anything reading can.
            reader = XmlReader.Create(text, NccisXml.ReaderSettings(limits.MaxBytes));
            new CtfImport(file, today, limits).Read(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            file.FileError = $"The file contains a DTD (document type declaration){(ex.LineNumber > 0 ? $" at line {ex.LineNumber}, column {ex.LinePosition}" : " before its root element")}. A CTF never has one, and DTDs can declare external entities or entity expansion (\"billion laughs\") attacks, so the file was refused without processing it.";
        }
        catch (XmlException ex) when (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            file.FileError = $"The file is larger than {limits.MaxBytes:N0} bytes and was refused; reading stopped at the limit.";
        }
        catch (XmlException ex)
        {
            file.FileError = $"The file is not well-formed XML at line {ex.LineNumber}, column {ex.LinePosition}: {ex.Message}";
        }
        catch (DecoderFallbackException)
        {
            file.FileError = $"The file is not valid UTF-8{Near(reader)}. A CTF is always UTF-8; export it again from the school's system.";
        }
        catch (RecordTooComplexException)
        {
            file.FileError = $"A pupil{Near(reader)} has more than {ElementNode.MaxElementsPerRecord:N0} elements or is nested more than {ElementNode.MaxDepth} deep; no CTF has either, so the file was refused.";
        }
        finally
        {
            reader?.Dispose();
        }
    }

    private static string Near(XmlReader? reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() && info.LineNumber > 0 ? $" (near line {info.LineNumber}, column {info.LinePosition})" : "";

    private void Read(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || !Is(reader.LocalName, "CTfile"))
        {
            file.FileError = Is(reader.LocalName, "ATfile")
                ? "This is an Admissions Transfer File (root ATfile), not a Common Transfer File."
                : $"This is not a Common Transfer File: its root element is \"{Shorten(reader.LocalName)}\", not CTfile.";
            return;
        }

        var pupils = 0;
        var sawHeader = false;
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                }
                else if (Is(reader.LocalName, "Header"))
                {
                    Header(ElementNode.Read(reader));
                    sawHeader = true;
                }
                else if (Is(reader.LocalName, "CTFpupilData"))
                {
                    pupils += PupilData(reader, pupils);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        while (reader.Read())
        {
        }

        if (!sawHeader)
        {
            file.Warnings.Add("The file has no Header, so its CTF version and source school are not known.");
        }

        if (pupils == 0)
        {
            file.Warnings.Add("The file has no pupils (no CTFpupilData/Pupil elements).");
        }
    }

    private void Header(ElementNode header)
    {
        var version = Value(header, "CTFversion");
        var current = AcademicYearStart(today) % 100;
        string[] accepted = [$"{current:00}.0", $"{(current + 99) % 100:00}.0"];
        if (version is null)
        {
            file.Warnings.Add($"The file's Header has no CTFversion; Waypoint reads versions {accepted[0]} and {accepted[1]}.");
        }
        else if (!accepted.Contains(version, StringComparer.Ordinal))
        {
            file.Warnings.Add($"The file is CTF version {Shorten(version)}; Waypoint reads versions {accepted[0]} and {accepted[1]}, so check the imported records: items this version names differently may have been missed.");
        }

        var source = Child(header, "SourceSchool");
        var lea = Value(source, "LEA");
        var estab = Value(source, "Estab");
        sourceLaEstab = lea is { Length: 3 } && estab is { Length: 4 } && lea.All(char.IsAsciiDigit) && estab.All(char.IsAsciiDigit) ? lea + estab : null;
        sourceUrn = Value(source, "URN") is { Length: >= 6 and <= 7 } urn && urn.All(char.IsAsciiDigit) ? urn : null;
        sourceName = Value(source, "SchoolName") is { Length: <= 200 } name ? name : null;

        // A Header after the pupils is out of order but unambiguous.
        for (var i = 0; i < file.Records.Count; i++)
        {
            file.Records[i] = file.Records[i] with { SchoolLaEstab = sourceLaEstab, SchoolUrn = sourceUrn, SchoolName = sourceName };
        }
    }

    /// <summary>Reads the pupils of one CTFpupilData element, numbering them on from <paramref name="before"/>.</summary>
    private int PupilData(XmlReader reader, int before)
    {
        var position = before;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return 0;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (Is(reader.LocalName, "Pupil"))
            {
                if (++file.RowsRead > limits.MaxRows)
                {
                    throw new TooManyRowsException(limits.MaxRows);
                }

                position++;
                checks.Start(position);
                var record = Pupil(ElementNode.Read(reader), position);
                if (record is not null && checks.Ok)
                {
                    file.Records.Add(record);
                }
                else
                {
                    file.Rejected.AddRange(checks.Errors);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        reader.Read();
        return position - before;
    }

    private IncomingRecord? Pupil(ElementNode pupil, int position)
    {
        var basic = Child(pupil, "BasicDetails");
        var given = checks.Required("Forename", Value(pupil, "Forename"));
        var family = checks.Required("Surname", Value(pupil, "Surname"));
        var dob = checks.DateOfBirth("DOB", Value(pupil, "DOB"));
        var sex = Child(pupil, "Sex") ?? Child(pupil, "Gender");
        var ulnNode = Child(pupil, "UniqueLearnerNumber") ?? Child(pupil, "ULN");
        var record = new IncomingRecord
        {
            Row = position,
            Upn = checks.Upn("UPN", Value(pupil, "UPN")),
            FormerUpn = checks.Upn("FormerUPN", Value(basic, "FormerUPN")),
            Uln = checks.Uln(ulnNode?.Name ?? "UniqueLearnerNumber", ulnNode?.Text),
            GivenName = given ?? "",
            MiddleNames = checks.Text("MiddleNames", Value(basic, "MiddleNames")),
            FamilyName = family ?? "",
            PreferredGivenName = checks.Text("PreferredForename", Value(basic, "PreferredForename")),
            PreferredFamilyName = checks.Text("PreferredSurname", Value(basic, "PreferredSurname")),
            DateOfBirth = dob ?? default,
            Gender = checks.Sex(sex?.Name ?? "Sex", sex?.Text),
            EthnicityCode = checks.Ethnicity("Ethnicity", Value(basic, "Ethnicity")),
            YearGroup = checks.YearGroup("NCyearActual", Value(basic, "NCyearActual")),
            Address = Address(Child(pupil, "Address")),
            Email = checks.Email("Email", Value(pupil, "Email")),
            Phone = checks.Phone("PhoneNo", Value(Child(Child(pupil, "Phones"), "Phone"), "PhoneNo")),
            SchoolLaEstab = sourceLaEstab,
            SchoolUrn = sourceUrn,
            SchoolName = sourceName,
            FreeSchoolMeals = FreeSchoolMeals(Child(pupil, "FSMhistory")),
            SenProvision = SenProvision(Child(pupil, "SENhistory")),
            LookedAfter = checks.Flag("InCare", Value(Child(pupil, "LookedAfter"), "InCare")),
            AttendancePercent = AttendancePercent(Child(pupil, "Attendance")),
            SchoolHistory = SchoolHistory(Child(pupil, "SchoolHistory")),
        };
        return checks.Ok ? record : null;
    }

    /// <summary>Eligible now: an instance that has started and has no end date or ends after today.</summary>
    private bool? FreeSchoolMeals(ElementNode? history)
    {
        if (history is null)
        {
            return null;
        }

        var current = false;
        foreach (var instance in All(history, "FSMinstance"))
        {
            var start = checks.Date("FSMstartDate", Value(instance, "FSMstartDate"));
            var end = checks.Date("FSMendDate", Value(instance, "FSMendDate"));
            current |= (start is null || start <= today) && (end is null || end > today);
        }

        return current;
    }

    /// <summary>The provision of the SEN entry with the latest StartDate (the last one written when dates tie).</summary>
    private string? SenProvision(ElementNode? history)
    {
        ElementNode? latest = null;
        var latestStart = DateOnly.MinValue;
        foreach (var sen in All(history, "SEN"))
        {
            var start = checks.Date("StartDate", Value(sen, "StartDate")) ?? DateOnly.MinValue;
            if (latest is null || start >= latestStart)
            {
                latest = sen;
                latestStart = start;
            }
        }

        return checks.SenProvision("SENprovision", Value(latest, "SENprovision"));
    }

    /// <summary>
    /// From the latest YearData: (possible - authorised - unauthorised) / possible, or attended / possible when the
    /// absences are not given; rounded to one decimal place.
    /// </summary>
    private decimal? AttendancePercent(ElementNode? attendance)
    {
        ElementNode? latest = null;
        var latestYear = int.MinValue;
        foreach (var year in All(attendance, "YearData"))
        {
            var y = int.TryParse(Value(year, "Year"), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MinValue + 1;
            if (y >= latestYear)
            {
                latest = year;
                latestYear = y;
            }
        }

        if (latest is null)
        {
            return null;
        }

        const int MaxSessions = 9999;
        var possible = checks.Count("SessionsPossible", Value(latest, "SessionsPossible"), MaxSessions);
        var authorised = checks.Count("SessionsAuthorised", Value(latest, "SessionsAuthorised"), MaxSessions);
        var unauthorised = checks.Count("SessionsUnauthorised", Value(latest, "SessionsUnauthorised"), MaxSessions);
        var attended = checks.Count("SessionsAttended", Value(latest, "SessionsAttended"), MaxSessions);
        if (possible is not > 0)
        {
            return null;
        }

        int? present = authorised is not null && unauthorised is not null ? possible - authorised - unauthorised : attended;
        if (present is null)
        {
            return null;
        }

        if (present < 0 || present > possible)
        {
            checks.Fail("Attendance", $"possible {possible}, authorised {authorised}, unauthorised {unauthorised}, attended {attended}", $"The attendance sessions for {latestYear} do not add up: more sessions missed or attended than were possible.");
            return null;
        }

        return Math.Round(100m * present.Value / possible.Value, 1, MidpointRounding.AwayFromZero);
    }

    private List<IncomingSchoolPeriod> SchoolHistory(ElementNode? history)
    {
        var schools = new List<IncomingSchoolPeriod>();
        foreach (var school in All(history, "School"))
        {
            schools.Add(new IncomingSchoolPeriod(
                Known(checks.Text("LEA", Value(school, "LEA"), 3)),
                Known(checks.Text("Estab", Value(school, "Estab"), 4)),
                checks.Text("SchoolName", Value(school, "SchoolName"), 200),
                checks.Date("EntryDate", Value(school, "EntryDate")),
                checks.Date("LeavingDate", Value(school, "LeavingDate")),
                checks.Text("LeavingReason", Value(school, "LeavingReason"))));
        }

        return schools;
    }

    /// <summary>
    /// BS7666Address: SAON, PAON and Street (a numeric PAON joins the street: "14 High Street"), Locality, then
    /// PostTown or Town, and County or AdministrativeArea. AddressLines: lines 1-3, line 4 as the town, line 5 as the
    /// county. Lines past the third are joined into the third.
    /// </summary>
    private IncomingAddress? Address(ElementNode? address)
    {
        if (address is null)
        {
            return null;
        }

        var lines = new List<string>(4);
        string? town = null;
        string? county = null;
        if (Child(address, "BS7666Address") is { } bs)
        {
            var saon = checks.Text("SAON", Value(bs, "SAON"));
            var paon = checks.Text("PAON", Value(bs, "PAON"));
            var street = checks.Text("Street", Value(bs, "Street"));
            Add(lines, saon);
            if (paon is not null && street is not null && char.IsAsciiDigit(paon[0]))
            {
                lines.Add($"{paon} {street}");
            }
            else
            {
                Add(lines, paon);
                Add(lines, street);
            }

            Add(lines, checks.Text("Locality", Value(bs, "Locality")));
            town = checks.Text("PostTown", Value(bs, "PostTown")) ?? checks.Text("Town", Value(bs, "Town"));
            county = checks.Text("AdministrativeArea", Value(bs, "AdministrativeArea"));
        }
        else if (Child(address, "AddressLines") is { } addressLines)
        {
            for (var i = 1; i <= 3; i++)
            {
                Add(lines, checks.Text($"AddressLine{i}", Value(addressLines, $"AddressLine{i}")));
            }

            town = checks.Text("AddressLine4", Value(addressLines, "AddressLine4"));
            county = checks.Text("AddressLine5", Value(addressLines, "AddressLine5"));
        }

        county = checks.Text("County", Value(address, "County")) ?? county;
        var postcode = checks.Postcode("PostCode", Value(address, "PostCode"));
        if (lines.Count > 3)
        {
            lines[2] = string.Join(", ", lines.Skip(2));
        }

        if (lines.Count == 0 && town is null && county is null && postcode is null)
        {
            return null;
        }

        return new IncomingAddress(lines.ElementAtOrDefault(0), lines.ElementAtOrDefault(1), lines.ElementAtOrDefault(2), town, county, postcode);
    }

    private static void Add(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Add(line);
        }
    }

    /// <summary>XXX and XXXX stand for an unknown LA or establishment (lost pupils, interop.md 1.3).</summary>
    private static string? Known(string? code) => code is null || code.All(c => c is 'X' or 'x') ? null : code;

    /// <summary>CTF versions follow the academic year; suppliers roll over on 1 August (interop.md 1.2).</summary>
    private static int AcademicYearStart(DateOnly today) => today.Month >= 8 ? today.Year : today.Year - 1;

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private static ElementNode? Child(ElementNode? node, string name) => node?.Children.FirstOrDefault(c => Is(c.Name, name));

    private static IEnumerable<ElementNode> All(ElementNode? node, string name) =>
        node is null ? [] : node.Children.Where(c => Is(c.Name, name));

    private static string? Value(ElementNode? node, string name) => Child(node, name)?.Text;

    private static string Shorten(string value) => value.Length > 50 ? value[..50] + "…" : value;
}
