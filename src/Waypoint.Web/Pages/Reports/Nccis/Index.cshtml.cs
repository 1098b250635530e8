using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Waypoint.Core.Nccis.Reports;

namespace Waypoint.Web.Pages.Reports.Nccis;

/// <summary>
/// The DfE measures of the LA's month-end snapshots, with a CSV of the measures and of the Annual Activity Survey.
/// Only LA-wide staff reach the folder; the LA is always the signed-in user's own.
/// </summary>
public class IndexModel(NccisSnapshotService snapshots, NccisMeasuresService measures, AnnualActivitySurvey survey, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public string LaCode { get; private set; } = "";
    public IReadOnlyList<DateOnly> PeriodEnds { get; private set; } = [];
    public IReadOnlyList<SelectListItem> MonthChoices { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SurveyYearChoices { get; private set; } = [];
    public NccisMeasuresReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }

        return Page();
    }

    /// <summary>GET /reports/nccis/measures?month=YYYY-MM-DD: the chosen month's measures as CSV.</summary>
    public async Task<IActionResult> OnGetMeasuresAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }

        if (Report is null)
        {
            return NotFound();
        }

        var csv = NccisMeasuresService.ToCsv(Report);
        return this.CsvFile(csv, $"nccis-measures-{LaCode}-{Report.PeriodEnd:yyyy-MM}.csv");
    }

    /// <summary>GET /reports/nccis/aas?year=YYYY: the Annual Activity Survey as CSV. Audited: it holds personal data.</summary>
    public async Task<IActionResult> OnGetAasAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }

        if (Year is not { } year || !SurveyYearChoices.Any(c => c.Value == year.ToString(CultureInfo.InvariantCulture)))
        {
            return NotFound();
        }

        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await survey.WriteAsync(HttpContext.GetActor(), LaCode, year, writer, ct);
        return this.CsvFile(writer.ToString(), $"annual-activity-survey-{LaCode}-{year}.csv");
    }

    /// <summary>POST /reports/nccis/retake: takes the chosen month's snapshot again from the records as they are now, for late updates.</summary>
    public async Task<IActionResult> OnPostRetakeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }

        if (Report is null)
        {
            return NotFound();
        }

        var taken = await snapshots.TakeAsync(HttpContext.GetActor(), LaCode, Report.PeriodEnd, ct);
        TempData["Success"] = $"The snapshot of {MonthName(taken.PeriodEnd)} was taken again: {taken.Rows:N0} young people.";
        return Redirect($"/reports/nccis?month={Iso(taken.PeriodEnd)}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (HttpContext.GetActor().LaCode is not { } laCode)
        {
            return NotFound();
        }

        LaCode = laCode;
        PeriodEnds = await snapshots.PeriodEndsAsync(laCode, ct);
        MonthChoices = PeriodEnds.Select(e => new SelectListItem(e.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), Iso(e))).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        SurveyYearChoices = PeriodEnds
            .Where(e => e == AnnualActivitySurvey.CohortDate(e.Year) && AnnualActivitySurvey.ReferenceDate(e.Year) <= today)
            .Select(e => new SelectListItem(e.Year.ToString(CultureInfo.InvariantCulture), e.Year.ToString(CultureInfo.InvariantCulture)))
            .ToList();

        DateOnly? selected = PeriodEnds.Count > 0 ? PeriodEnds[0] : null;
        if (!string.IsNullOrEmpty(Month))
        {
            if (!DateOnly.TryParseExact(Month, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) || !PeriodEnds.Contains(month))
            {
                return NotFound();
            }

            selected = month;
        }

        if (selected is { } periodEnd)
        {
            Month = Iso(periodEnd);
            Report = await measures.BuildAsync(laCode, periodEnd, ct);
        }

        return null;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string MonthName(DateOnly date) => date.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string ShortMonth(DateOnly date) => date.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string Pct(decimal? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "no cohort";

    public static string Num(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("#,##0.#", CultureInfo.InvariantCulture);
}
