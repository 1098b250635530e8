using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Waypoint.Core.Audit;
using Waypoint.Core.Imports;
using Waypoint.Core.Journeys;

namespace Waypoint.Web.Pages.Imports;

/// <summary>
/// Upload, preview, then save. The upload is copied to the pending folder and matched without writing anything; the
/// preview says what each row would do. Saving runs the same file again inside one transaction, so what is saved is
/// what the register says at that moment, and the file is then deleted.
/// </summary>
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public class NewModel(ImportService imports, PendingImports pending, JourneyStore journeys, AuditTrail audit) : PageModel
{
    public const long RequestLimit = 200L * 1024 * 1024 + 1024 * 1024;
    private const string JourneyKind = "import";
    private const int RowsShown = 100;

    public sealed record PendingState(Guid FileId, ImportKind Kind, string FileName);

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public Guid? Journey { get; set; }

    public ImportOutcome? Preview { get; private set; }

    public IReadOnlyList<SelectListItem> Kinds { get; } =
    [
        new("School roll (CSV)", nameof(ImportKind.Roll)),
        new("Common Transfer File (CTF XML)", nameof(ImportKind.Ctf)),
        new("Learning provider enrolments and leavers (CSV)", nameof(ImportKind.Enrolments)),
        new("Benefit-claim notifications (CSV)", nameof(ImportKind.BenefitClaims)),
    ];

    public IEnumerable<ImportRowOutcome> Shown(ImportRowAction action) => Preview?.Rows.Where(r => r.Action == action).Take(RowsShown) ?? [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.TryParse<ImportKind>(Kind, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(nameof(Kind), "Select what kind of file this is");
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose the file to import");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        var actor = HttpContext.GetActor();
        Guid fileId;
        await using (var stream = Upload!.OpenReadStream())
        {
            fileId = await pending.SaveAsync(stream, ct);
        }

        var fileName = Path.GetFileName(Upload.FileName);
        Preview = await imports.RunAsync(actor, actor.LaCode!, kind, () => pending.Open(fileId), fileName, commit: false, ct: ct);
        if (Preview.Refused)
        {
            pending.Delete(fileId);
            ModelState.AddModelError(nameof(Upload), $"{fileName}: {Preview.FileError}");
            Preview = null;
            return this.PageWithErrors();
        }

        Journey = await journeys.StartAsync(actor.UserId!.Value, JourneyKind, null, new PendingState(fileId, kind, fileName), ct);
        await audit.RecordAsync(actor, AuditActions.ImportPreviewed, entityType: "ImportFile", entityId: Preview.FileSha256, details: new
        {
            kind = ImportService.KindName(kind), file = fileName, sha256 = Preview.FileSha256, rows = Preview.RowsRead,
            created = Preview.Created, updated = Preview.Updated, review = Preview.Review, unchanged = Preview.Unchanged, rejected = Preview.Rejected.Count,
        }, cancellationToken: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var state = Journey is { } id ? await journeys.GetAsync<PendingState>(id, actor.UserId!.Value, JourneyKind, ct) : null;
        if (state is null || !pending.Exists(state.FileId))
        {
            ModelState.AddModelError(nameof(Upload), "The uploaded file is no longer waiting to be saved (files wait for 24 hours). Upload it again");
            return this.PageWithErrors();
        }

        var outcome = await imports.RunAsync(actor, actor.LaCode!, state.Kind, () => pending.Open(state.FileId), state.FileName, commit: true, ct: ct);
        pending.Delete(state.FileId);
        await journeys.EndAsync(Journey!.Value, actor.UserId!.Value, ct);
        if (outcome.ImportId is not { } importId)
        {
            ModelState.AddModelError(nameof(Upload), $"{state.FileName}: {outcome.FileError}");
            return this.PageWithErrors();
        }

        TempData["Success"] = $"{state.FileName} imported: {outcome.Created:N0} created, {outcome.Updated:N0} updated, {outcome.Review:N0} to check"
            + (outcome.Created + outcome.Updated + outcome.Review == 0 ? ". Nothing changed: every row was already held as the file gives it" : "");
        return Redirect($"/imports/{importId}");
    }
}
