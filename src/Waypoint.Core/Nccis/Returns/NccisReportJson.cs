using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Waypoint.Core.Nccis.Returns;

/// <summary>The parts of a validation report that the JSON form carries, as read back from it.</summary>
public sealed record NccisReportDocument(IReadOnlyList<NccisFileError> FileErrors, IReadOnlyList<NccisRecordError> RecordErrors, IReadOnlyDictionary<int, int> Totals);

/// <summary>
/// The machine-readable validation report shared by <c>waypoint nccis validate --format json</c>, the API and the
/// stored report of each return: exactly <c>file_errors</c> [{code, message}], <c>record_errors</c> [{code, priority,
/// young_person_id, field, message}] and <c>totals</c> {code: count}. The relaxed encoder keeps quotes in messages
/// readable; it still escapes control characters, and the output is never put into HTML unencoded.
/// </summary>
public static class NccisReportJson
{
    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The report as indented UTF-8 JSON followed by a newline, written straight to <paramref name="output"/>.</summary>
    public static void Write(NccisValidationReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("file_errors");
            foreach (var error in report.FileErrors)
            {
                json.WriteStartObject();
                json.WriteNumber("code", error.Code);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("record_errors");
            foreach (var error in report.RecordErrors)
            {
                json.WriteStartObject();
                json.WriteNumber("code", error.Code);
                json.WriteNumber("priority", error.Priority);
                json.WriteString("young_person_id", error.YoungPersonId);
                json.WriteString("field", error.Field);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("totals");
            foreach (var (code, count) in report.Totals)
            {
                json.WriteNumber(code.ToString(CultureInfo.InvariantCulture), count);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetBytes(Environment.NewLine));
    }

    public static string ToText(NccisValidationReport report)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static async Task<NccisReportDocument> ReadAsync(Stream input, CancellationToken ct = default)
    {
        var read = await JsonSerializer.DeserializeAsync<Stored>(input, ReadOptions, ct)
            ?? throw new InvalidDataException("The stored validation report is empty.");
        return new NccisReportDocument(read.FileErrors ?? [], read.RecordErrors ?? [], read.Totals ?? []);
    }

    private sealed record Stored(List<NccisFileError>? FileErrors, List<NccisRecordError>? RecordErrors, Dictionary<int, int>? Totals);
}
