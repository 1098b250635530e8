using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Tracking;

public class TransferInModel(TransferService transfers) : PageModel
{
    public const long MaxBytes = 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose the transfer summary file the other local authority sent you");
            return this.PageWithErrors();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file must be smaller than 1 MB");
            return this.PageWithErrors();
        }

        TransferSummary? summary;
        try
        {
            await using var stream = Upload.OpenReadStream();
            summary = await JsonSerializer.DeserializeAsync<TransferSummary>(stream, TransferSummaryJson.Options);
        }
        catch (JsonException ex)
        {
            ModelState.AddModelError(nameof(Upload), $"{Upload.FileName} is not a Waypoint transfer summary: {ex.Message}");
            return this.PageWithErrors();
        }

        if (summary is null || summary.FormatVersion != 1 || string.IsNullOrWhiteSpace(summary.GivenName) || string.IsNullOrWhiteSpace(summary.FamilyName))
        {
            ModelState.AddModelError(nameof(Upload), $"{Upload.FileName} is not a Waypoint transfer summary (format version 1 with names and date of birth)");
            return this.PageWithErrors();
        }

        try
        {
            var result = await transfers.ImportAsync(HttpContext.GetActor(), summary);
            TempData["Success"] = result.Matched
                ? $"{summary.GivenName} {summary.FamilyName} matched an existing record, which has been updated"
                : $"A new record has been created for {summary.GivenName} {summary.FamilyName}";
            return Redirect($"/young-people/{result.YoungPersonId}");
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddModelError(nameof(Upload), $"{Upload.FileName}: {ex.Violations[0].Message}");
            return this.PageWithErrors();
        }
    }
}
