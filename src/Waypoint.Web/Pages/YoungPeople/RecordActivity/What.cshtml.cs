using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Waypoint.Core.Access;
using Waypoint.Core.Journeys;
using Waypoint.Core.Nccis;

namespace Waypoint.Web.Pages.YoungPeople.RecordActivity;

public class WhatModel(YoungPersonAccess access, JourneyStore journeys, CurrencyOptions currency) : RecordActivityPageModel(access, journeys, currency)
{
    [BindProperty]
    public string? Code { get; set; }

    public IReadOnlyList<SelectListItem> Codes { get; } = BuildCodes();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Code = State.Code;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (ActivityCodes.Find(Code ?? "") is null)
        {
            ModelState.AddModelError(nameof(Code), "Choose what the young person is doing now");
            return this.PageWithErrors();
        }

        State.Code = Code;
        await SaveStateAsync();
        return Redirect(StepUrl("when"));
    }

    private static List<SelectListItem> BuildCodes()
    {
        var groups = new Dictionary<ActivityGroup, SelectListGroup>();
        var items = new List<SelectListItem> { new("Choose an activity", "") };
        foreach (var code in ActivityCodes.All)
        {
            if (!groups.TryGetValue(code.Group, out var group))
            {
                group = new SelectListGroup { Name = GroupName(code.Group) };
                groups[code.Group] = group;
            }

            items.Add(new SelectListItem($"{code.Code} {code.Description}", code.Code) { Group = group });
        }

        return items;
    }

    private static string GroupName(ActivityGroup group) => group switch
    {
        ActivityGroup.CompulsoryAge => "Year 11 (compulsory school age)",
        ActivityGroup.Education => "Education",
        ActivityGroup.Employment => "Employment",
        ActivityGroup.Training => "Training",
        ActivityGroup.ReEngagement => "Re-engagement",
        ActivityGroup.NeetActive => "NEET: looking for or starting something",
        ActivityGroup.NeetInactive => "NEET: not available",
        ActivityGroup.NotKnown => "Not known",
        _ => "Other",
    };
}
