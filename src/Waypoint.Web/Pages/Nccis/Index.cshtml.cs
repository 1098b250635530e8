using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Nccis.Returns;

namespace Waypoint.Web.Pages.Nccis;

/// <summary>Create the monthly return: choose the period end, write and check the file, then see the report before download.</summary>
public class IndexModel(NccisReturns returns) : PageModel
{
    /// <summary>Month ends offered: two years back covers a late correction of any return still open with DfE.</summary>
    public const int MonthsOffered = 24;

    [BindProperty]
    public string? PeriodEnd { get; set; }

    public IReadOnlyList<SelectListItem> PeriodEnds { get; private set; } = [];
    public IReadOnlyList<NccisSubmission> Recent { get; private set; } = [];

    public async Task OnGetAsync()
    {
        PeriodEnd = returns.DefaultPeriodEnd().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync();
        if (!DateOnly.TryParseExact(PeriodEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var periodEnd)
            || PeriodEnds.All(p => p.Value != PeriodEnd))
        {
            ModelState.AddModelError(nameof(PeriodEnd), "Choose the month end the return is for");
            return this.PageWithErrors();
        }

        var submission = await returns.CreateAsync(HttpContext.GetActor(), periodEnd, ct);
        return Redirect($"/nccis/returns/{submission.Id}");
    }

    private async Task LoadAsync()
    {
        var latest = returns.DefaultPeriodEnd();
        PeriodEnds = Enumerable.Range(0, MonthsOffered)
            .Select(back => new DateOnly(latest.Year, latest.Month, 1).AddMonths(-back + 1).AddDays(-1))
            .Select(end => new SelectListItem(end.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        Recent = await returns.SubmissionsFor(HttpContext.GetActor()).OrderByDescending(s => s.CreatedAt).Take(3).ToListAsync();
    }
}
