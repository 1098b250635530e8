using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Imports;

namespace Waypoint.Web.Pages.Imports;

public class DetailModel(WaypointDbContext db, ImportService imports, AuditTrail audit, TimeProvider clock) : PageModel
{
    private const int ChangesShown = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record ChangedRecord(Guid Id, string Name, DataImportChangeKind Kind, bool StillHeld);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DataImport Import { get; private set; } = null!;
    public IReadOnlyList<ImportRowError> Rejected { get; private set; } = [];
    public IReadOnlyList<ChangedRecord> Changes { get; private set; } = [];
    public int ChangeCount { get; private set; }
    public bool CanRevert { get; private set; }
    public string? CreatedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await audit.RecordAsync(HttpContext.GetActor(), AuditActions.ImportViewed, entityType: nameof(DataImport), entityId: Id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostRevertAsync()
    {
        try
        {
            var outcome = await imports.RevertAsync(HttpContext.GetActor(), Id);
            TempData["Success"] = $"Import reverted: {outcome.Restored:N0} records put back as they were and {outcome.Deleted:N0} records it created removed."
                + (outcome.KeptBecauseChangedSince.Count == 0 ? "" : $" {outcome.KeptBecauseChangedSince.Count:N0} changes made since the import were kept.");
            TempData["Kept"] = JsonSerializer.Serialize(outcome.KeptBecauseChangedSince.Take(50), Json);
            return Redirect($"/imports/{Id}");
        }
        catch (ImportNotFoundException)
        {
            return NotFound();
        }
        catch (ImportRefusedException ex)
        {
            ModelState.AddModelError("Revert", ex.Message);
            await LoadAsync();
            return this.PageWithErrors();
        }
    }

    public IReadOnlyList<string> Kept => TempData.Peek("Kept") is string kept ? JsonSerializer.Deserialize<List<string>>(kept, Json) ?? [] : [];

    private async Task<bool> LoadAsync()
    {
        var laCode = HttpContext.GetActor().LaCode;
        var import = await db.DataImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == Id && i.LaCode == laCode);
        if (import is null)
        {
            return false;
        }

        Import = import;
        Rejected = import.RejectedJson is null ? [] : JsonSerializer.Deserialize<List<ImportRowError>>(import.RejectedJson, Json) ?? [];
        var changes = db.DataImportChanges.AsNoTracking().Where(c => c.ImportId == Id);
        ChangeCount = await changes.CountAsync();
        var shown = await changes.OrderBy(c => c.Id).Take(ChangesShown).Select(c => new { c.YoungPersonId, c.Kind, c.AfterJson }).ToListAsync();
        var ids = shown.Select(c => c.YoungPersonId).ToList();
        var held = await db.YoungPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToDictionaryAsync(p => p.Id);
        Changes = shown.Select(c =>
        {
            var after = ImportedFields.FromJson(c.AfterJson);
            var name = held.TryGetValue(c.YoungPersonId, out var p) ? $"{p.GivenName} {p.FamilyName}" : $"{after.GivenName} {after.FamilyName}";
            return new ChangedRecord(c.YoungPersonId, name, c.Kind, held.ContainsKey(c.YoungPersonId));
        }).ToList();
        CanRevert = import.Status == DataImportStatus.Committed && clock.GetUtcNow().UtcDateTime - import.CreatedAt <= TimeSpan.FromDays(ImportService.RevertDays);
        CreatedBy = import.CreatedByUserId is { } userId ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync() : "the command line";
        return true;
    }
}
