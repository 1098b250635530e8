namespace Waypoint.Core.Imports.Parsing;

/// <summary>
/// Turns an uploaded file into <see cref="IncomingRecord"/>s: the one entry point for every kind. The stream is read
/// once, front to back, and never held whole, so a large roll parses in flat memory (apart from the records). Nothing
/// here writes anywhere. docs/imports.md lists the columns, elements, codes and limits.
/// </summary>
public static class ImportParsers
{
    public static ParsedFile Parse(ImportKind kind, Stream stream, string fileName, DateOnly today, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown import kind.");
        }

        limits ??= new ImportLimits();
        var file = new ParsedFile { FileName = fileName, Kind = kind };
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxBytes)
        {
            return Refuse(file, $"The file is {stream.Length - stream.Position:N0} bytes; files over {limits.MaxBytes:N0} bytes are refused without being read.");
        }

        try
        {
            var limited = new Nccis.Returns.LimitedReadStream(stream, limits.MaxBytes);
            if (kind == ImportKind.Ctf)
            {
                CtfImport.Parse(limited, file, today, limits);
            }
            else
            {
                CsvImport.Parse(kind, limited, file, today, limits);
            }
        }
        catch (Nccis.Returns.FileTooLargeException ex)
        {
            file.FileError = $"The file is larger than {ex.MaxBytes:N0} bytes and was refused; reading stopped at the limit.";
        }
        catch (TooManyRowsException ex)
        {
            file.FileError = $"The file has more than {ex.MaxRows:N0} {(kind == ImportKind.Ctf ? "pupils" : "rows")}; split it into smaller files.";
        }
        catch (CsvShapeException ex)
        {
            file.FileError = $"The file could not be read as CSV: {ex.Message}";
        }
        catch (IOException ex)
        {
            file.FileError = $"The file could not be read: {ex.Message}";
        }

        return file.FileError is null ? file : Refuse(file, file.FileError);
    }

    private static ParsedFile Refuse(ParsedFile file, string reason)
    {
        file.FileError = reason;
        file.Records.Clear();
        file.Rejected.Clear();
        return file;
    }
}
