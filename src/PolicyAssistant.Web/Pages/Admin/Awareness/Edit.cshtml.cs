using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Domain.Awareness;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Web.Pages.Admin.Awareness;

public sealed class EditModel(PolicyAssistantDbContext db, EditQuizCommand edit) : PageModel
{
    public sealed class QuestionInput
    {
        public string? Text { get; set; }

        /// <summary>One choice a line.</summary>
        public string? Choices { get; set; }

        public int? CorrectChoice { get; set; }
    }

    public sealed class InputModel
    {
        public string Title { get; set; } = "";

        public DateOnly? OpensOn { get; set; }

        public DateOnly? ClosesOn { get; set; }

        /// <summary>Filled in when the quiz measures a campaign; campaigns are linked by their number.</summary>
        public int? CampaignId { get; set; }

        public List<QuestionInput> Questions { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The campaigns a quiz can go with, newest first, by name: its before-and-after rates take the campaign's start.</summary>
    public IReadOnlyList<SelectListItem> Campaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } quizId)
        {
            if (await db.Set<Quiz>().AsNoTracking().Include(q => q.Questions).SingleOrDefaultAsync(q => q.Id == quizId, cancellationToken) is not { } quiz)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                Title = quiz.Title,
                OpensOn = quiz.OpensOn,
                ClosesOn = quiz.ClosesOn,
                CampaignId = quiz.CampaignId,
                Questions = quiz.Questions.OrderBy(q => q.Position)
                    .Select(q => new QuestionInput { Text = q.Text, Choices = string.Join('\n', q.Choices), CorrectChoice = q.CorrectChoice }).ToList(),
            };
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        // Empty slots are not questions; a half-filled one is, so its problem is reported rather than dropped.
        var questions = Input.Questions
            .Where(q => !string.IsNullOrWhiteSpace(q.Text) || !string.IsNullOrWhiteSpace(q.Choices))
            .Select(q => new QuizQuestionDraft(q.Text ?? "", (q.Choices ?? "").Split('\n'), q.CorrectChoice ?? 0))
            .ToList();
        var draft = new QuizDraft(Input.Title ?? "", Input.CampaignId, Input.OpensOn, Input.ClosesOn, questions);
        switch (await edit.SaveAsync(id, draft, cancellationToken))
        {
            case QuizEditResult.Saved:
                return RedirectToPage("./Index");
            case QuizEditResult.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError(string.Empty, problem);
                }

                await PrepareAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        PadQuestions();
        Campaigns = await db.Set<Campaign>().AsNoTracking()
            .OrderByDescending(c => c.StartsOn)
            .Select(c => new SelectListItem($"{c.Name}（{c.StartsOn.Year}年{c.StartsOn.Month}月）", c.Id.ToString()))
            .ToListAsync(cancellationToken);
    }

    private void PadQuestions()
    {
        while (Input.Questions.Count < Quiz.MaxQuestions)
        {
            Input.Questions.Add(new QuestionInput());
        }
    }
}
