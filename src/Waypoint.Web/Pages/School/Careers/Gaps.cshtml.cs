using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;

namespace Waypoint.Web.Pages.School.Careers;

/// <summary>Pupils missing one measure, split by year group, form, SEND, free school meals and persistent absence.</summary>
public class GapsModel(CareersService careers, CareersMeasuresService measures, AuditTrail audit, WaypointDbContext db, TimeProvider clock) : CareersPageModel(careers, clock)
{
    [BindProperty(SupportsGet = true)]
    public CareersMeasure Measure { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? YearGroup { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Form { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Send { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Fsm { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Absent { get; set; }

    public MeasureFigure Figure { get; private set; } = null!;
    public IReadOnlyList<PupilMeasures> Pupils { get; private set; } = [];
    public IReadOnlyList<string> Forms { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var filter = new GapsFilter(YearGroup, Form, Send, Fsm, Absent);
        var school = await measures.ForSchoolAsync(Actor, School.Id, Today);
        Figure = school.Figure(Measure, filter);
        Pupils = school.Gaps(Measure, filter);
        Forms = await db.PupilGroups.Where(g => g.SchoolId == School.Id && g.Kind == PupilGroupKind.Form).Select(g => g.Name).OrderBy(n => n).ToListAsync();
        await audit.RecordAsync(Actor, AuditActions.CareersGapsViewed, entityType: "Organisation", entityId: School.Id.ToString(),
            details: new { measure = Measure.ToString(), filter, results = Pupils.Count });
    }
}
