using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Imports;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.Imports.Reviews;

public class CompareModel(WaypointDbContext db, ImportService imports, AuditTrail audit) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One column of the comparison: the file's row or a held record.</summary>
    public sealed record Column(string Heading, string Name, string DateOfBirth, string Sex, string? Address, string? School, string? Upn, string? Uln, Guid? Id);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    public MatchReview Review { get; private set; } = null!;
    public IReadOnlyList<Column> Columns { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(audited: true))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(audited: false))
        {
            return NotFound();
        }

        Guid? matchTo = Decision switch
        {
            "new" => null,
            { } value when Guid.TryParse(value, out var id) && Columns.Any(c => c.Id == id) => id,
            _ => Guid.Empty,
        };
        if (matchTo == Guid.Empty)
        {
            ModelState.AddModelError(nameof(Decision), "Select whether this is one of the records shown or a different young person");
            return this.PageWithErrors();
        }

        try
        {
            var personId = await imports.ResolveReviewAsync(HttpContext.GetActor(), Id, matchTo);
            TempData["Success"] = matchTo is null ? "A new record has been created from the file's row" : "The file's row has been added to the record";
            return Redirect($"/young-people/{personId}");
        }
        catch (ImportRefusedException ex)
        {
            ModelState.AddModelError(nameof(Decision), ex.Message);
            return this.PageWithErrors();
        }
    }

    private async Task<bool> LoadAsync(bool audited)
    {
        var actor = HttpContext.GetActor();
        var review = await db.MatchReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id && r.LaCode == actor.LaCode);
        if (review is null)
        {
            return false;
        }

        Review = review;
        var incoming = JsonSerializer.Deserialize<IncomingRecord>(review.IncomingJson, Json)!;
        var ids = new[] { review.CandidateYoungPersonId, review.RunnerUpYoungPersonId }.OfType<Guid>().ToList();
        var held = await db.YoungPeople.AsNoTracking().Include(p => p.School).Where(p => ids.Contains(p.Id)).ToListAsync();
        var columns = new List<Column>
        {
            new($"In the file, row {review.Row}", $"{incoming.GivenName} {incoming.MiddleNames} {incoming.FamilyName}".Replace("  ", " ", StringComparison.Ordinal),
                incoming.DateOfBirth.ToString("d MMMM yyyy"), Sex(incoming.Gender), Address(incoming.Address?.Line1, incoming.Address?.Town, incoming.Address?.Postcode),
                incoming.SchoolName ?? incoming.SchoolLaEstab ?? incoming.Enrolment?.ProviderName, incoming.Upn, incoming.Uln, null),
        };
        var letter = 'A';
        foreach (var id in ids)
        {
            if (held.Find(p => p.Id == id) is { } p)
            {
                columns.Add(new($"Record {letter++} (local ID {p.LocalId})", $"{p.GivenName} {p.MiddleNames} {p.FamilyName}".Replace("  ", " ", StringComparison.Ordinal),
                    p.DateOfBirth.ToString("d MMMM yyyy"), Sex(p.Gender), Address(p.AddressLine1, p.Town, p.Postcode), p.School?.Name, p.Upn, p.Uln, p.Id));
                if (audited)
                {
                    audit.Add(actor, AuditActions.YoungPersonViewed, entityType: "YoungPerson", entityId: p.Id.ToString(), youngPersonId: p.Id, details: new { purpose = "match review", reviewId = Id });
                }
            }
        }

        Columns = columns;
        Choices = [.. columns.Skip(1).Select(c => new SelectListItem($"Yes, the same young person as {c.Heading.Split(" (")[0].ToLowerInvariant()}", c.Id.ToString())), new SelectListItem("No, a different young person: create a new record", "new")];
        if (audited)
        {
            await db.SaveChangesAsync();
        }

        return true;
    }

    private static string Sex(Gender gender) => gender switch
    {
        Gender.F => "Female",
        Gender.M => "Male",
        Gender.W => "Withheld",
        _ => "Not known",
    };

    private static string? Address(string? line1, string? town, string? postcode)
    {
        var parts = new[] { line1, town, postcode }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
