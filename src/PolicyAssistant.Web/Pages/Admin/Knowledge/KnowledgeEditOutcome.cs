using PolicyAssistant.Application.KnowledgeBase;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

/// <summary>What a knowledge page shows after a save: the list with a message, the form again with the reasons, or 404.</summary>
internal static class KnowledgeEditOutcome
{
    /// <param name="tellUser">Sets the page's one-shot message for the list it redirects to.</param>
    public static IActionResult Show(PageModel page, KnowledgeEditResult result, Func<KnowledgeEditResult.Saved, string> savedMessage, Action<string> tellUser)
    {
        switch (result)
        {
            case KnowledgeEditResult.Saved saved:
                tellUser(savedMessage(saved));
                return page.RedirectToPage("./Index");
            case KnowledgeEditResult.Invalid invalid:
                foreach (var error in invalid.Errors)
                {
                    page.ModelState.AddModelError(string.Empty, error);
                }

                return page.Page();
            default:
                return page.NotFound();
        }
    }
}
