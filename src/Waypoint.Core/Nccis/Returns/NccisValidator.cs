using System.Text;
using System.Xml;

namespace Waypoint.Core.Nccis.Returns;

/// <summary>
/// Checks an NCCIS monthly return (ours or another system's) against the record and file errors of
/// shared/reference/nccis.md section 8. The file is streamed one <c>YoungPersonsRecord</c> at a time; only the
/// identifiers the cross-record checks need (902, 907, 908) are kept across records. Hostile input is refused
/// rather than processed: no DTDs or entities, a byte limit, strict UTF-8.
/// </summary>
public sealed class NccisValidator(CurrencyOptions? currency = null)
{
    private readonly CurrencyOptions currency = currency ?? new CurrencyOptions();

    public NccisValidationReport Validate(Stream xml, NccisValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= new NccisValidationOptions();
        var report = new NccisValidationReport();
        if (xml.CanSeek && xml.Length - xml.Position > options.MaxBytes)
        {
            report.AddFileError(NccisErrorCatalogue.TooLarge, $"The file is {xml.Length - xml.Position:N0} bytes; files over {options.MaxBytes:N0} bytes are refused without being read.");
            report.Refused = true;
            return report;
        }

        var run = new Run(this, options, report);
        var limited = new LimitedReadStream(xml, options.MaxBytes);
        var settings = NccisXml.ReaderSettings(options.MaxBytes);
        using var text = NccisXml.OpenText(limited);
        XmlReader? reader = null;
        try
        {
            // Create already reads the first buffer, so it can throw everything reading can.
            reader = XmlReader.Create(text, settings);
            run.ReadDocument(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            run.Refuse(NccisErrorCatalogue.DtdProhibited, $"The file contains a DTD (line {ex.LineNumber}, column {ex.LinePosition}). DTDs and entity declarations are not allowed in an NCCIS return and were not processed.");
        }
        catch (XmlException ex)
        {
            run.Refuse(NccisErrorCatalogue.MalformedXml, $"The file is not well-formed XML at line {ex.LineNumber}, column {ex.LinePosition}: {ex.Message}");
        }
        catch (DecoderFallbackException)
        {
            run.Refuse(NccisErrorCatalogue.NotUtf8, $"The file is not valid UTF-8{Near(reader)}. It may have been saved as Latin-1 or Windows-1252; save it as UTF-8 and try again.");
        }
        catch (FileTooLargeException ex)
        {
            run.Refuse(NccisErrorCatalogue.TooLarge, $"The file is larger than {ex.MaxBytes:N0} bytes and was refused; reading stopped at the limit.");
        }
        catch (RecordTooComplexException)
        {
            run.Refuse(NccisErrorCatalogue.RecordTooComplex, $"An element{Near(reader)} has more than {ElementNode.MaxElementsPerRecord:N0} elements inside it or is nested more than {ElementNode.MaxDepth} deep; an NCCIS return has neither, so the file was refused.");
        }
        catch (IOException ex)
        {
            run.Refuse(NccisErrorCatalogue.Unreadable, $"The file could not be read: {ex.Message}");
        }

        finally
        {
            reader?.Dispose();
        }

        run.Finish();
        return report;
    }

    private static string Near(XmlReader? reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() && info.LineNumber > 0 ? $" (near line {info.LineNumber}, column {info.LinePosition})" : "";

    /// <summary>The state of one validation: header, cross-record indexes and counts for the aggregated file errors.</summary>
    private sealed class Run(NccisValidator validator, NccisValidationOptions options, NccisValidationReport report)
    {
        private const int ExamplesShown = 5;

        // What the cross-record checks keep of every record, held without references: a return's 100,000 identifiers kept
        // as strings (and keys built from names) were promoted through every garbage collection of the run, which took
        // as long as the rest of the validation. An identifier is a number (see Handle); a person is a hash of their
        // names and date of birth.
        private readonly HashSet<long> ids = [];
        private readonly Dictionary<long, long> ulns = [];
        private readonly Dictionary<ulong, long> people = [];
        private readonly Dictionary<string, long> oddValues = new(StringComparer.Ordinal);
        private readonly List<string> oddTexts = [];
        private readonly Dictionary<int, (int Count, List<string> Examples)> aggregated = [];
        private readonly HashSet<string> databaseIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> sourceLeas = new(StringComparer.Ordinal);
        private bool headerSeen;
        private DateOnly? periodEnd = options.PeriodEnd;
        private NccisRecordChecks? checks;
        private string? currentId;

        public void ReadDocument(XmlReader reader)
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                Refuse(NccisErrorCatalogue.NotAnNccisFile, "The file has no XML root element.");
                return;
            }

            if (!NccisXml.RootNames.Contains(reader.LocalName))
            {
                Refuse(NccisErrorCatalogue.NotAnNccisFile, $"The root element is {NccisRecordChecks.Quote(reader.LocalName)}; an NCCIS return has NCCIS or NCCIS2015.");
                return;
            }

            var rootDepth = reader.Depth;
            var empty = reader.IsEmptyElement;
            reader.Read();
            while (!empty && !reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == rootDepth))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "FileHeader":
                        Header(ElementNode.Read(reader));
                        break;
                    case "YoungPersonsRecord":
                        var line = reader is IXmlLineInfo info ? info.LineNumber : 0;
                        Record(ElementNode.Read(reader), line);
                        break;
                    default:
                        SkipElement(reader);
                        break;
                }
            }

            // Reading on to the end finds anything after the root (a second root, junk, truncation).
            while (reader.Read())
            {
            }

            if (!headerSeen)
            {
                report.AddFileError(NccisErrorCatalogue.NotAnNccisFile, "The file has no FileHeader.");
            }
        }

        /// <summary>
        /// Skips an element this validator does not use. Unlike <see cref="XmlReader.Skip"/> it gives up on deep
        /// nesting, because the reader keeps state for every open level and a file of nested tags would exhaust memory.
        /// </summary>
        private static void SkipElement(XmlReader reader)
        {
            var depth = reader.Depth;
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return;
            }

            while (reader.Read())
            {
                if (reader.Depth > depth + ElementNode.MaxDepth)
                {
                    throw new RecordTooComplexException();
                }

                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    reader.Read();
                    return;
                }
            }
        }

        public void Refuse(int code, string message)
        {
            report.AddFileError(code, message);
            report.Refused = true;
        }

        public void Finish()
        {
            foreach (var (code, (count, examples)) in aggregated.OrderBy(a => a.Key))
            {
                var what = code switch
                {
                    240 => "no Activities node; NCCIS rejects the file",
                    903 => $"a YoungPersonsID whose first 3 digits are not a DatabaseId in the header ({string.Join(", ", databaseIds.Order())})",
                    904 => "an unrecognised cohort status (allowed: P, G, A, T, E, M, D, L); NCCIS fails the whole file",
                    _ => NccisErrorCatalogue.FileErrors[code],
                };
                var plural = count == 1 ? "1 record has" : $"{count:N0} records have";
                report.AddFileError(code, $"{plural} {what}. {(count > examples.Count ? "For example" : "Records")}: {string.Join("; ", examples)}.", count);
            }
        }

        private void Header(ElementNode header)
        {
            if (headerSeen)
            {
                report.AddFileError(NccisErrorCatalogue.NotAnNccisFile, "The file has more than one FileHeader.");
                return;
            }

            headerSeen = true;
            foreach (var id in header.Child("Databases")?.All("DatabaseId") ?? [])
            {
                if (id.Text is { Length: 3 } value && value.All(char.IsAsciiDigit))
                {
                    databaseIds.Add(value);
                }
                else
                {
                    HeaderError($"DatabaseId {NccisRecordChecks.Quote(id.Text)} is not 3 digits.");
                }
            }

            if (databaseIds.Count == 0)
            {
                HeaderError("There is no valid Databases/DatabaseId.");
            }

            foreach (var la in header.Child("SourceLEAs")?.All("LEACode") ?? [])
            {
                if (LaCodes.IsEnglishLa(la.Text))
                {
                    sourceLeas.Add(la.Text!);
                }
                else
                {
                    HeaderError($"SourceLEAs/LEACode {NccisRecordChecks.Quote(la.Text)} is not a recognised LA code.");
                }
            }

            if (sourceLeas.Count == 0)
            {
                HeaderError("There is no valid SourceLEAs/LEACode.");
            }

            HeaderDate(header, "DateOfSend");
            var headerPeriodEnd = HeaderDate(header, "PeriodEnd");
            periodEnd ??= headerPeriodEnd;
            foreach (var name in (string[])["SupplierName", "SupplierXMLVersion", "XMLSchemaVersion"])
            {
                if (header.Value(name) is null)
                {
                    HeaderError($"{name} is missing.");
                }
            }
        }

        private DateOnly? HeaderDate(ElementNode header, string name)
        {
            var value = header.Value(name);
            if (NccisRecordChecks.TryDate(value, out var date))
            {
                return date;
            }

            HeaderError(value is null ? $"{name} is missing." : $"{name} {NccisRecordChecks.Quote(value)} is not a date in the form YYYY-MM-DD.");
            return null;
        }

        private void HeaderError(string message) => report.AddFileError(NccisErrorCatalogue.HeaderInvalid, "FileHeader: " + message);

        private void Record(ElementNode node, int line)
        {
            report.RecordCount++;
            if (!headerSeen)
            {
                headerSeen = true;
                report.AddFileError(NccisErrorCatalogue.NotAnNccisFile, "The first YoungPersonsRecord comes before any FileHeader; the header must come first.");
            }

            var record = NccisReturnRecord.From(node);
            var id = record.YoungPersonsId;
            var label = id is null ? $"record at line {line}" : id;
            if (!record.HasPersonalDetails)
            {
                report.AddFileError(NccisErrorCatalogue.RecordWithoutPersonalDetails, $"The YoungPersonsRecord at line {line} has no PersonalDetails.");
            }

            if (!record.HasActivities)
            {
                Aggregate(240, label);
            }

            if (id is { Length: >= 3 } && databaseIds.Count > 0 && !databaseIds.Contains(id[..3]))
            {
                Aggregate(903, label);
            }

            if (record.CohortStatus is { } status && !NccisRecordChecks.IsKnownCohortStatus(status))
            {
                Aggregate(904, $"{label} ({NccisRecordChecks.Quote(status)})");
            }

            if (!record.HasPersonalDetails)
            {
                return;
            }

            checks ??= new NccisRecordChecks(validator.currency, periodEnd, sourceLeas, Add, options.RetiredChecks);
            currentId = id;
            checks.Check(record);
            CrossRecord(record);
        }

        private void Add(int code, string field, string message) =>
            report.AddRecordError(new(code, NccisErrorCatalogue.PriorityOf(code), currentId, field, message), options.MaxRecordErrors);

        private void CrossRecord(NccisReturnRecord r)
        {
            if (r.YoungPersonsId is not { } id)
            {
                return;
            }

            var person = Handle(id);
            if (!ids.Add(person))
            {
                Add(902, "YoungPersonsID", $"YoungPersonsID {id} appears more than once in the file.");
                return;
            }

            if (r.Uln is { } uln)
            {
                if (ulns.TryGetValue(Handle(uln), out var other))
                {
                    Add(907, "UniqueLearnerNo", $"ULN {uln} is also on young person {Text(other)}.");
                }
                else
                {
                    ulns[Handle(uln)] = person;
                }
            }

            if (r is { GivenName: { } given, FamilyName: { } family, Dob: { } dob })
            {
                var key = PersonKey(given, family, dob);
                if (people.TryGetValue(key, out var other))
                {
                    Add(908, "DOB", $"Suspected duplicate of young person {Text(other)}: same given name, family name and date of birth. Not counted in the totals.");
                }
                else
                {
                    people[key] = person;
                }
            }
        }

        /// <summary>
        /// A value from the file as a number that stands for it: the value itself when it is 1 to 18 ASCII digits without
        /// a leading zero (every well-formed YoungPersonsID and ULN), otherwise a negative number for that text, the same
        /// for the same text. Leading zeros would be lost by the number, so such values go the second way.
        /// </summary>
        private long Handle(string value)
        {
            if (value.Length is > 0 and <= 18 && value[0] != '0' && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            if (!oddValues.TryGetValue(value, out var handle))
            {
                oddTexts.Add(value);
                oddValues[value] = handle = -oddTexts.Count;
            }

            return handle;
        }

        private string Text(long handle) => handle >= 0 ? handle.ToString(System.Globalization.CultureInfo.InvariantCulture) : oddTexts[(int)(-handle - 1)];

        /// <summary>
        /// Given name, family name and date of birth, compared without regard to case, as a 64-bit FNV-1a hash. Two
        /// different people share a hash with a chance of about one in 10^9 in a return of 100,000, far below the rate at
        /// which this suspected-duplicate warning is wrong for real namesakes born on the same day.
        /// </summary>
        private static ulong PersonKey(string given, string family, string dob)
        {
            var hash = 14695981039346656037UL;
            hash = Mix(hash, given);
            hash = (hash ^ '|') * 1099511628211UL;
            hash = Mix(hash, family);
            hash = (hash ^ '|') * 1099511628211UL;
            return Mix(hash, dob);

            static ulong Mix(ulong hash, string text)
            {
                // Characters outside the basic plane are cased as the whole string is (a pair at a time).
                if (!Ascii.IsValid(text))
                {
                    text = text.ToUpperInvariant();
                }

                foreach (var c in text)
                {
                    hash = (hash ^ char.ToUpperInvariant(c)) * 1099511628211UL;
                }

                return hash;
            }
        }

        private void Aggregate(int code, string example)
        {
            var (count, examples) = aggregated.GetValueOrDefault(code, (0, []));
            if (examples.Count < ExamplesShown)
            {
                examples.Add(example);
            }

            aggregated[code] = (count + 1, examples);
        }
    }
}
