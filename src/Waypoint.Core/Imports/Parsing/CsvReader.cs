namespace Waypoint.Core.Imports.Parsing;

/// <summary>
/// An RFC 4180 reader: comma-separated, fields optionally in double quotes, a doubled quote inside quotes is one
/// quote, and commas and line breaks inside quotes belong to the field. Records end with CRLF, LF or a lone CR.
/// Lenient where files in the wild break the RFC without ambiguity: a quote inside an unquoted field, or text after a
/// closing quote, is kept as written.
/// </summary>
internal sealed class CsvReader(TextReader text)
{
    /// <summary>
    /// No name, address or code is anywhere near this long, so a longer field means an opening quote that was never
    /// closed; stopping here keeps memory flat however large the file.
    /// </summary>
    public const int MaxFieldLength = 32 * 1024;

    /// <summary>Far more columns than any export has; a cap so a line of commas cannot fill memory with empty fields.</summary>
    public const int MaxFields = 1000;

    private readonly char[] buffer = new char[64 * 1024];
    private char[] field = new char[256];
    private int fieldLength;
    private int position;
    private int length;
    private int line = 1;

    /// <summary>
    /// Reads the next record into <paramref name="fields"/>. Returns false at the end of the file.
    /// <paramref name="startLine"/> is the line the record starts on (1 for the first); <paramref name="unterminated"/>
    /// is set when the file ended inside a quoted field.
    /// </summary>
    public bool ReadRecord(List<string> fields, out int startLine, out bool unterminated)
    {
        fields.Clear();
        startLine = line;
        unterminated = false;
        if (Peek() < 0)
        {
            return false;
        }

        while (true)
        {
            fieldLength = 0;
            var quotedOpen = false;
            if (Peek() == '"')
            {
                position++;
                quotedOpen = true;
            }

            while (true)
            {
                var c = Read();
                if (c < 0)
                {
                    unterminated = quotedOpen;
                    fields.Add(TakeField());
                    return true;
                }

                if (quotedOpen)
                {
                    if (c == '"')
                    {
                        if (Peek() == '"')
                        {
                            position++;
                            Append('"');
                        }
                        else
                        {
                            quotedOpen = false;
                        }

                        continue;
                    }

                    if (c == '\r' && Peek() == '\n')
                    {
                        continue;
                    }

                    if (c is '\n' or '\r')
                    {
                        line++;
                        Append('\n');
                        continue;
                    }

                    Append((char)c);
                    continue;
                }

                if (c == ',')
                {
                    fields.Add(TakeField());
                    if (fields.Count >= MaxFields)
                    {
                        throw new CsvShapeException($"The row starting on line {startLine} has more than {MaxFields:N0} fields.");
                    }

                    break;
                }

                if (c is '\n' or '\r')
                {
                    if (c == '\r' && Peek() == '\n')
                    {
                        position++;
                    }

                    line++;
                    fields.Add(TakeField());
                    return true;
                }

                Append((char)c);
            }
        }
    }

    private string TakeField() => fieldLength == 0 ? string.Empty : new string(field, 0, fieldLength);

    private void Append(char c)
    {
        if (fieldLength == field.Length)
        {
            if (field.Length >= MaxFieldLength)
            {
                throw new CsvShapeException($"A field reaching line {line} is longer than {MaxFieldLength:N0} characters; this usually means an opening quote with no closing quote.");
            }

            Array.Resize(ref field, Math.Min(field.Length * 2, MaxFieldLength));
        }

        field[fieldLength++] = c;
    }

    private int Peek()
    {
        if (position == length && !Fill())
        {
            return -1;
        }

        return buffer[position];
    }

    private int Read()
    {
        if (position == length && !Fill())
        {
            return -1;
        }

        return buffer[position++];
    }

    private bool Fill()
    {
        length = text.Read(buffer, 0, buffer.Length);
        position = 0;
        return length > 0;
    }
}

/// <summary>The file is too far from CSV to read on: it is refused whole.</summary>
internal sealed class CsvShapeException(string message) : Exception(message);
