using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Knowledge.Answers;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

/// <summary>Type a question, see how the bot ranks the entries and what it would reply; nothing is sent or counted.</summary>
public sealed class HitTestModel(PolicyAssistantDbContext db, TestKnowledgeQuestionQuery test, AnswerOptions answers) : PageModel
{
    public AnswerOptions Answers => answers;

    [BindProperty(SupportsGet = true)]
    public string? Question { get; set; }

    /// <summary>The asker's region, as for a bound household; empty as for anyone not bound.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public KnowledgeRegions Regions { get; private set; } = new([]);

    public KnowledgeHitTest? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Regions = await KnowledgeRegions.LoadAsync(db, cancellationToken);
        if (!string.IsNullOrWhiteSpace(Question))
        {
            Result = test.Test(Question, string.IsNullOrWhiteSpace(Region) ? null : Region);
        }
    }
}
