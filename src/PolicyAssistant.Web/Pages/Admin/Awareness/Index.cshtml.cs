using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Domain.Awareness;

namespace PolicyAssistant.Web.Pages.Admin.Awareness;

public sealed class IndexModel(PolicyAssistantDbContext db, EditQuizCommand edit) : PageModel
{
    public sealed record QuizRow(int Id, string Title, DateOnly? OpensOn, DateOnly? ClosesOn, int Questions, int Attempts);

    public IReadOnlyList<QuizRow> Quizzes { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Quizzes = await db.Set<Quiz>().AsNoTracking()
            .OrderByDescending(quiz => quiz.Id)
            .Select(quiz => new QuizRow(quiz.Id, quiz.Title, quiz.OpensOn, quiz.ClosesOn, quiz.Questions.Count, db.Set<QuizAttempt>().Count(attempt => attempt.QuizId == quiz.Id)))
            .ToListAsync(cancellationToken);

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken) => SetOpenAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) => SetOpenAsync(id, false, cancellationToken);

    public static string Period(DateOnly? opensOn, DateOnly? closesOn) => opensOn is { } opens
        ? $"{opens:yyyy年M月d日}起" + (closesOn is { } closes ? $"，至{closes:yyyy年M月d日}" : "，未定结束")
        : "未开放";

    private async Task<IActionResult> SetOpenAsync(int id, bool open, CancellationToken cancellationToken)
    {
        var result = await edit.SetOpenAsync(id, open, cancellationToken);
        Message = result is QuizEditResult.NotFound ? "没有这份问卷。" : open ? "问卷已开放，绑定的户发“答题”就能作答。" : "问卷已关闭。";
        return RedirectToPage();
    }
}
