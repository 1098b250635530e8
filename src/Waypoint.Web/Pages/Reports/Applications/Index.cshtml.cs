using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Pages.Reports.Applications;

/// <summary>The LA's view of the common application process: by school, provider and course, who has not applied, and fill rates.</summary>
public class IndexModel(ApplicationReports reports, TimeProvider clock) : PageModel
{
    /// <summary>Rows of each table shown on the page; the downloads have every row.</summary>
    public const int Shown = 50;

    [BindProperty(SupportsGet = true)]
    public DateInput AppliedBy { get; set; } = new();

    public ApplicationReport Report { get; private set; } = null!;

    public string AppliedByQuery => Report.AppliedBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Report = await reports.BuildAsync(HttpContext.GetActor(), ReadDate(), ct: ct);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>GET /reports/applications?handler=csv&amp;table=...: one table, every row, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, DateOnly? date, CancellationToken ct)
    {
        if (table is null || !ApplicationReports.Tables.Contains(table))
        {
            return NotFound();
        }

        var report = await reports.BuildAsync(HttpContext.GetActor(), date ?? Today, download: table, ct);
        return this.CsvFile(ApplicationReports.ToCsv(report, table), $"applications-{table}-{report.AppliedBy:yyyy-MM-dd}.csv");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DateOnly ReadDate() =>
        (AppliedBy.IsEmpty ? Today : AppliedBy.Read(ModelState, nameof(AppliedBy), "the date", required: false)) ?? Today;
}
