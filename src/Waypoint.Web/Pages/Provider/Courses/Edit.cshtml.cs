using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Prospectus;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Provider.Courses;

/// <summary>Add or change a course: provider staff for their own organisation, LA administrators for any provider in their area.</summary>
public class EditModel(CourseService courses) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? ProviderId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? QualificationType { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? SubjectArea { get; set; }
    [BindProperty] public string? EntryRequirements { get; set; }
    [BindProperty] public DateInput StartDate { get; set; } = new();
    [BindProperty] public string? DurationMonths { get; set; }
    [BindProperty] public string? StudyMode { get; set; }
    [BindProperty] public string? Venue { get; set; }
    [BindProperty] public string? VenuePostcode { get; set; }
    [BindProperty] public string? Capacity { get; set; }
    [BindProperty] public DateInput ApplicationDeadline { get; set; } = new();
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Published { get; set; }

    public IReadOnlyList<SelectListItem> Providers { get; private set; } = [];
    public static IReadOnlyList<SelectListItem> Types => Enum.GetValues<QualificationType>().Select(t => new SelectListItem(t.Describe(), t.ToString())).ToList();
    public static IReadOnlyList<SelectListItem> Modes => Enum.GetValues<StudyMode>().Select(m => new SelectListItem(m.Describe(), m.ToString())).ToList();
    public static IReadOnlyList<SelectListItem> Levels => Enumerable.Range(0, 9).Select(l => new SelectListItem(CourseText.LevelName(l), l.ToString(CultureInfo.InvariantCulture))).ToList();
    public static IReadOnlyList<SelectListItem> YesNo => [new("Yes, show it in the prospectus", "yes"), new("No, keep it hidden", "no")];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadProvidersAsync(ct);
        if (Id is { } id)
        {
            var c = await courses.CoursesFor(HttpContext.GetActor()).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (c is null)
            {
                return NotFound();
            }

            (ProviderId, Title, QualificationType, Level, SubjectArea, EntryRequirements) = (c.ProviderId.ToString(), c.Title, c.QualificationType.ToString(), c.Level.ToString(CultureInfo.InvariantCulture), c.SubjectArea, c.EntryRequirements);
            (StartDate, DurationMonths, StudyMode, Venue, VenuePostcode) = (DateInput.From(c.StartDate), c.DurationMonths.ToString(CultureInfo.InvariantCulture), c.StudyMode.ToString(), c.Venue, c.VenuePostcode);
            (Capacity, ApplicationDeadline, Description, Published) = (c.Capacity.ToString(CultureInfo.InvariantCulture), DateInput.From(c.ApplicationDeadline), c.Description, c.IsPublished ? "yes" : "no");
        }
        else
        {
            ProviderId = Providers.Count == 1 ? Providers[0].Value : null;
            Published = "yes";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadProvidersAsync(ct);
        if (!Guid.TryParse(ProviderId, out var providerId))
        {
            ModelState.AddModelError(nameof(ProviderId), "Choose the provider");
        }

        if (!Enum.TryParse<QualificationType>(QualificationType, out var type) || !Enum.IsDefined(type))
        {
            ModelState.AddModelError(nameof(QualificationType), "Choose the qualification type");
        }

        if (!Enum.TryParse<StudyMode>(StudyMode, out var mode) || !Enum.IsDefined(mode))
        {
            ModelState.AddModelError(nameof(StudyMode), "Choose the study mode");
        }

        int Number(string? value, string field, string message)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            ModelState.AddModelError(field, message);
            return 0;
        }

        var level = Number(Level, nameof(Level), "Choose the level");
        var duration = Number(DurationMonths, nameof(DurationMonths), "Enter the length in months, like 24");
        var capacity = Number(Capacity, nameof(Capacity), "Enter the number of places, like 20");
        var start = StartDate.Read(ModelState, nameof(StartDate), "the start date", required: true);
        var deadline = ApplicationDeadline.Read(ModelState, nameof(ApplicationDeadline), "the application deadline", required: false);
        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        var options = new SaveCourseOptions(Id, providerId, Title ?? "", type, level, SubjectArea ?? "", EntryRequirements, start!.Value, duration, mode,
            Venue ?? "", VenuePostcode ?? "", capacity, deadline, Description, Published != "no");
        try
        {
            var course = await courses.SaveAsync(HttpContext.GetActor(), options, ct);
            TempData["Success"] = $"{course.Title} saved";
            return Redirect("/provider/courses");
        }
        catch (RuleViolationException e)
        {
            foreach (var v in e.Violations)
            {
                ModelState.AddModelError(v.Field == "CourseId" ? nameof(Title) : v.Field, v.Message);
            }

            return this.PageWithErrors();
        }
    }

    private async Task LoadProvidersAsync(CancellationToken ct) =>
        Providers = (await courses.ProvidersFor(HttpContext.GetActor()).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
}
