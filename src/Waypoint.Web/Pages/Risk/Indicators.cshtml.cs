using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Risk;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Risk;

public class IndicatorsModel(RiskService risk, WaypointDbContext db) : PageModel
{
    /// <summary>Indicators an LA may add that the default leaves out, with a starting threshold.</summary>
    private static readonly IndicatorRule[] Extra =
    [
        new(RiskIndicator.ChildInNeed, 0),
        new(RiskIndicator.SchoolMoves, 0, 2),
        new(RiskIndicator.LowPriorAttainment, 0, 100),
    ];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string?> Points { get; set; } = [];

    [BindProperty]
    public string? OfferFrom { get; set; }

    [BindProperty]
    public string? AdditionalFrom { get; set; }

    [BindProperty]
    public string? SubstantialFrom { get; set; }

    [BindProperty]
    public string? ListFrom { get; set; }

    public RiskIndicatorSet Current { get; private set; } = null!;
    public IReadOnlyList<IndicatorRule> Rules { get; private set; } = [];
    public IReadOnlyList<RiskIndicatorSet> Versions { get; private set; } = [];
    public bool MayEdit { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var d = Current.Definition;
        Points = Rules.Select(r => (string?)r.Points.ToString(CultureInfo.InvariantCulture)).ToList();
        (OfferFrom, AdditionalFrom, SubstantialFrom, ListFrom) = (Text(d.OfferFrom), Text(d.AdditionalFrom), Text(d.SubstantialFrom), Text(d.ListFrom));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!MayEdit)
        {
            return Redirect("/errors/403");
        }

        var rules = new List<IndicatorRule>();
        for (var i = 0; i < Rules.Count; i++)
        {
            var value = i < Points.Count ? Points[i] : null;
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var points) || points > 10)
            {
                ModelState.AddModelError($"Points[{i}]", $"Enter points from 0 to 10 for {Describe(Rules[i]).ToLowerInvariant()}");
                continue;
            }

            if (points > 0)
            {
                rules.Add(Rules[i] with { Points = points });
            }
        }

        int Boundary(string? value, string field, string label)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 50)
            {
                ModelState.AddModelError(field, $"Enter {label} as a whole number from 1 to 50");
            }

            return n;
        }

        var definition = new IndicatorSetDefinition(rules,
            Boundary(OfferFrom, nameof(OfferFrom), "the points to offer support from"),
            Boundary(AdditionalFrom, nameof(AdditionalFrom), "the points for additional support from"),
            Boundary(SubstantialFrom, nameof(SubstantialFrom), "the points for substantial support from"),
            Boundary(ListFrom, nameof(ListFrom), "the points for the at-risk list from"));
        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        try
        {
            var saved = await risk.SaveIndicatorSetAsync(HttpContext.GetActor(), Name ?? "", definition);
            TempData["Success"] = $"Indicator set version {saved.Version} saved. Scores use it from the next recompute.";
        }
        catch (RiskInputException ex)
        {
            ModelState.AddModelError(nameof(Name), ex.Message);
            return this.PageWithErrors();
        }

        return Redirect("/risk/indicators");
    }

    public static string Describe(IndicatorRule rule) => rule.Threshold is { } t
        ? $"{rule.Indicator.Name()} {t.ToString("0.##", CultureInfo.InvariantCulture)}{(rule.Indicator == RiskIndicator.Attendance ? "%" : "")}"
        : rule.Indicator.Name();

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task LoadAsync()
    {
        var actor = HttpContext.GetActor();
        MayEdit = actor.Role?.IsDataTeam() == true;
        Current = await risk.CurrentIndicatorSetAsync(actor.LaCode!);
        var rules = Current.Definition.Rules.ToList();
        rules.AddRange(Extra.Where(e => !rules.Any(r => r.Indicator == e.Indicator)));
        Rules = rules;
        Versions = await db.RiskIndicatorSets.AsNoTracking().Where(s => s.LaCode == actor.LaCode).OrderByDescending(s => s.Version).ToListAsync();
    }
}
