using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Casework;

namespace Waypoint.Web.Pages.YoungPeople.Casework;

public class NoteModel(CaseworkService casework) : PageModel
{
    public CaseContact Contact { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contactId)
    {
        var actor = HttpContext.GetActor();
        var contact = await casework.OpenSensitiveNoteAsync(actor, id, contactId);
        if (contact is null)
        {
            return casework.CanReadSensitiveNotes(actor) ? NotFound() : Redirect("/errors/403");
        }

        Contact = contact;
        return Page();
    }
}
