using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Pages.Courses;

/// <summary>The public course search: a GET form, so every result page has a link of its own and no JavaScript is needed.</summary>
public class IndexModel(CourseSearch search) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    [FromQuery(Name = "level")]
    public List<int> Levels { get; set; } = [];

    [FromQuery(Name = "type")]
    public List<QualificationType> Types { get; set; } = [];

    [FromQuery(Name = "subject")]
    public string? Subject { get; set; }

    [FromQuery(Name = "provider")]
    public Guid? Provider { get; set; }

    [FromQuery(Name = "postcode")]
    public string? Postcode { get; set; }

    [FromQuery(Name = "radius")]
    public string? Radius { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CourseSearchResult Result { get; private set; } = new(0, 1, 20, [], false);

    public IReadOnlyList<SelectListItem> Subjects { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Providers { get; private set; } = [];

    public static readonly IReadOnlyList<SelectListItem> RadiusItems =
    [
        new("Any distance", ""), new("Within 3 miles", "3"), new("Within 5 miles", "5"), new("Within 10 miles", "10"), new("Within 20 miles", "20"), new("Within 40 miles", "40"),
    ];

    public static readonly IReadOnlyList<SelectListItem> SortItems = [new("Best match", "relevance"), new("Distance", "distance"), new("Start date", "start")];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        double? radius = null;
        if (!string.IsNullOrWhiteSpace(Radius))
        {
            if (double.TryParse(Radius, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 500)
            {
                radius = r;
            }
            else
            {
                ModelState.AddModelError("radius", "Choose a distance");
            }
        }

        if (radius is not null && string.IsNullOrWhiteSpace(Postcode))
        {
            ModelState.AddModelError("postcode", "Enter a postcode to search by distance");
        }

        var sort = Sort switch
        {
            "distance" => CourseSort.Distance,
            "start" => CourseSort.StartDate,
            _ => CourseSort.Relevance,
        };
        if (sort == CourseSort.Distance && string.IsNullOrWhiteSpace(Postcode))
        {
            ModelState.AddModelError("postcode", "Enter a postcode to sort by distance");
        }

        var index = await search.IndexAsync(ct);
        Subjects = [new("All subjects", ""), .. index.Subjects.Select(s => new SelectListItem(s, s))];
        Providers = [new("All providers", ""), .. index.Providers.Select(p => new SelectListItem(p.Name, p.Id.ToString()))];

        Result = await search.SearchAsync(new CourseSearchQuery(Query, Levels, Types, Subject, Provider, null, ModelState.IsValid ? Postcode : null, radius, sort, PageNumber), ct);
        if (Result.PostcodeNotFound)
        {
            ModelState.AddModelError("postcode", "We could not find that postcode. Enter a full postcode in England, like OX1 1AA");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public string PageLink(int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Query);
        Levels.ForEach(l => Add("level", l.ToString(CultureInfo.InvariantCulture)));
        Types.ForEach(t => Add("type", t.ToString()));
        Add("subject", Subject);
        Add("provider", Provider?.ToString());
        Add("postcode", Postcode);
        Add("radius", Radius);
        Add("sort", Sort);
        Add("page", page.ToString(CultureInfo.InvariantCulture));
        return "/courses?" + string.Join('&', parts);
    }
}
