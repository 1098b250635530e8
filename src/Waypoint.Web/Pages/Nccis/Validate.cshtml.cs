using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Nccis.Returns;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Nccis;

/// <summary>
/// Check an NCCIS file from any system. ASP.NET Core spools a multipart upload over 64 KB to a temporary file that it
/// deletes at the end of the request, so the upload is never held in memory and never kept; the limits below let a
/// file up to the validator's own limit through on this page only.
/// </summary>
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public class ValidateModel(NccisReturns returns, YoungPersonAccess access, TrackingOptions options) : PageModel
{
    /// <summary>The validator's limit plus room for the form around the file.</summary>
    public const long RequestLimit = NccisValidationOptions.DefaultMaxBytes + 1024 * 1024;

    /// <summary>Record errors listed on the page; an uploaded file is not kept, so there is no second page to go to.</summary>
    public const int RecordErrorsShown = 500;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public DateInput PeriodEnd { get; set; } = new();

    public NccisUploadCheck? Check { get; private set; }
    public NccisReportView? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var periodEnd = PeriodEnd.Read(ModelState, nameof(PeriodEnd), "the period end", required: false);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "Choose the NCCIS XML file to check" : "The selected file is empty");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        var actor = HttpContext.GetActor();
        await using (var content = Upload!.OpenReadStream())
        {
            Check = await returns.ValidateUploadAsync(actor, content, Upload.FileName, periodEnd, "page", ct);
        }

        var report = new NccisReportDocument(Check.Report.FileErrors, Check.Report.RecordErrors, Check.Report.Totals);
        Report = await NccisReportView.CreateAsync(Check.Summary, report, null, 1, null, access, actor, options, RecordErrorsShown);
        return Page();
    }
}
