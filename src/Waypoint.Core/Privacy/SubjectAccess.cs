using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Privacy;

/// <summary>
/// A subject access request (UK GDPR article 15): everything Waypoint holds about one young person, as one JSON file
/// for the LA's data protection officer to review before it is released. The tables are found from the data model,
/// every table with a foreign key to the young person, so one added later is included without anyone remembering to.
/// Account secrets are left out; the access log gives each view or change of the record with the role and organisation
/// of whoever made it, not their name. Only the lead LA's administrators may export, and each export is audited.
/// </summary>
public sealed class SubjectAccess(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Columns that are never personal data about the young person and must not leave the system.</summary>
    private static readonly HashSet<string> Secrets = new(StringComparer.Ordinal)
    {
        nameof(WaypointUser.PasswordHash), nameof(WaypointUser.SecurityStamp), nameof(WaypointUser.ConcurrencyStamp),
        nameof(WaypointUser.NormalizedEmail), nameof(WaypointUser.NormalizedUserName),
    };

    /// <summary>
    /// Columns that name members of staff (who recorded or decided something, a referee): the file says what was done
    /// and when; who did it is given by role in the access log, as the staff are third parties to the request.
    /// </summary>
    private static readonly HashSet<string> StaffNames = new(StringComparer.Ordinal)
    {
        "RecordedByName", "DecidedByName", "AssignedByName", "AdviserName", "RefereeName", "RefereeEmail",
    };

    /// <summary>
    /// Tables that point at a young person without being about them: a match review's incoming row may be someone else
    /// (it is a candidate match), so it is not this young person's data.
    /// </summary>
    private static readonly HashSet<Type> NotAboutThem = [typeof(Imports.MatchReview)];

    private static readonly JsonSerializerOptions Values = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static readonly MethodInfo RowsMethod = typeof(SubjectAccess).GetMethod(nameof(RowsAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public static bool MayUse(Actor actor) => actor.Role == WaypointRole.LaAdministrator;

    /// <summary>Writes the file; false (audited) when the actor may not, or the record is not theirs to see.</summary>
    public async Task<bool> WriteAsync(Actor actor, Guid youngPersonId, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayUse(actor))
        {
            await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, nameof(YoungPerson), youngPersonId.ToString(), youngPersonId,
                details: new { purpose = "subject access request", reason = "only LA administrators" }, cancellationToken: ct);
            return false;
        }

        var opened = await access.OpenAsync(actor, youngPersonId, "subject access request", q => q.AsNoTracking(), ct);
        if (opened is not { Outcome: AccessOutcome.Allowed, Value: { } person })
        {
            return false;
        }

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("preparedAt", clock.GetUtcNow().UtcDateTime);
        json.WriteString("preparedFor", "Subject access request: review before release (third parties' details, and safeguarding records that may be exempt).");
        var personType = db.Model.FindEntityType(typeof(YoungPerson))!;
        json.WritePropertyName("record");
        WriteRow(json, personType, person);

        // Duplicate records merged into this one (cohort status M) are the same young person: their rows are included,
        // each row keeping the ID of the record it was recorded against.
        var merged = await db.YoungPeople.AsNoTracking().Where(p => p.MergedIntoYoungPersonId == youngPersonId).OrderBy(p => p.Id).ToListAsync(ct);
        json.WriteStartArray("mergedRecords");
        foreach (var duplicate in merged)
        {
            WriteRow(json, personType, duplicate);
        }

        json.WriteEndArray();
        List<Guid> ids = [youngPersonId, .. merged.Select(m => m.Id)];

        var tables = TablesAboutAYoungPerson(db.Model).ToList();
        foreach (var (type, key) in tables)
        {
            var rows = await (Task<List<object>>)RowsMethod.MakeGenericMethod(type.ClrType).Invoke(this, [key, ids, ct])!;
            var table = type.GetTableName()!;
            counts[table] = counts.GetValueOrDefault(table) + rows.Count;
            json.WriteStartArray(table + (tables.Count(t => t.Type == type) > 1 ? "." + key.GetColumnName() : ""));
            foreach (var row in rows)
            {
                WriteRow(json, type, row);
            }

            json.WriteEndArray();
        }

        await WriteAccessLogAsync(json, ids, ct);
        json.WriteEndObject();
        await json.FlushAsync(ct);
        await audit.RecordAsync(actor, AuditActions.SubjectAccessExported, entityType: nameof(YoungPerson), entityId: youngPersonId.ToString(),
            youngPersonId: youngPersonId, details: new { rows = counts }, cancellationToken: ct);
        return true;
    }

    /// <summary>
    /// Every mapped table with a column naming a young person: a foreign key to the record, or a <c>YoungPersonId</c>
    /// column kept without one (import change logs, NCCIS snapshot rows). Not the audit trail (given as the access log).
    /// </summary>
    public static IEnumerable<(IEntityType Type, IProperty Key)> TablesAboutAYoungPerson(IModel model) =>
        (from type in model.GetEntityTypes()
         where !type.IsOwned() && type.FindPrimaryKey() is not null && type.GetTableName() is not null
             && type.ClrType != typeof(AuditEvent) && type.ClrType != typeof(YoungPerson) && !NotAboutThem.Contains(type.ClrType)
         from key in type.GetForeignKeys()
             .Where(fk => fk.PrincipalEntityType.ClrType == typeof(YoungPerson) && fk.Properties.Count == 1).Select(fk => fk.Properties[0])
             .Concat(type.GetProperties().Where(p => p.Name == nameof(AuditEvent.YoungPersonId) && (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?))))
             .Distinct()
         orderby type.GetTableName(), key.Name
         select (type, key)).ToList();

    private async Task<List<object>> RowsAsync<T>(IProperty key, List<Guid> youngPersonIds, CancellationToken ct)
        where T : class
    {
        // row => ids.Contains(EF.Property<Guid or Guid?>(row, key)), with the list typed to match the column.
        var row = Expression.Parameter(typeof(T), "row");
        var column = Expression.Call(typeof(EF), nameof(EF.Property), [key.ClrType], row, Expression.Constant(key.Name));
        var ids = key.ClrType == typeof(Guid)
            ? Expression.Constant(youngPersonIds)
            : Expression.Constant(youngPersonIds.Select(id => (Guid?)id).ToList());
        var matches = Expression.Lambda<Func<T, bool>>(Expression.Call(ids, ids.Type.GetMethod(nameof(List<Guid>.Contains))!, column), row);
        return [.. await db.Set<T>().AsNoTracking().Where(matches).ToListAsync(ct)];
    }

    private static void WriteRow(Utf8JsonWriter json, IEntityType type, object row)
    {
        json.WriteStartObject();
        foreach (var property in type.GetProperties())
        {
            if (property.PropertyInfo is not { } info || Secrets.Contains(property.Name) || StaffNames.Contains(property.Name))
            {
                continue;
            }

            json.WritePropertyName(property.Name);
            JsonSerializer.Serialize(json, info.GetValue(row), property.ClrType, Values);
        }

        json.WriteEndObject();
    }

    /// <summary>Each view or change of the record: when, what, the outcome, and the role and organisation of who did it.</summary>
    private async Task WriteAccessLogAsync(Utf8JsonWriter json, List<Guid> youngPersonIds, CancellationToken ct)
    {
        var ids = youngPersonIds.Select(id => (Guid?)id).ToList();
        var events = await (from e in db.AuditEvents.AsNoTracking()
                            where ids.Contains(e.YoungPersonId)
                            join o in db.Organisations on e.OrganisationId equals o.Id into organisations
                            from o in organisations.DefaultIfEmpty()
                            orderby e.Id
                            select new { e.OccurredAt, e.Action, e.Outcome, e.Role, Organisation = o == null ? null : o.Name, e.UserId })
                           .ToListAsync(ct);
        json.WriteStartArray("accessLog");
        foreach (var e in events)
        {
            json.WriteStartObject();
            json.WriteString("at", e.OccurredAt);
            json.WriteString("action", e.Action);
            json.WriteString("outcome", e.Outcome.ToString());
            json.WriteString("by", e.UserId is null ? "Waypoint (automatic)" : e.Role ?? "unknown role");
            json.WriteString("organisation", e.Organisation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
