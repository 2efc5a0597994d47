using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

public sealed class VocabularyModel(PolicyAssistantDbContext db, EditKnowledgeBaseCommand edit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Name is not (VocabularyDocument.Dictionary or VocabularyDocument.Synonyms))
        {
            return NotFound();
        }

        Text = (await db.Set<VocabularyDocument>().FindAsync([Name], cancellationToken))?.Text ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        return KnowledgeEditOutcome.Show(
            this, await edit.SaveVocabularyAsync(Name, Text ?? "", cancellationToken), _ => "词表已保存，索引已重建。", message => Message = message);
    }
}
