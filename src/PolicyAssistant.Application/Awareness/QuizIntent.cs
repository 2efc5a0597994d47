using PolicyAssistant.Application.Households;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Domain.Awareness;

namespace PolicyAssistant.Application.Awareness;

/// <summary>The open quiz of today (the one opened last, when several are) and whether a household has answered it.</summary>
public sealed class FindOpenQuizQuery(IDbContextFactory<PolicyAssistantDbContext> dbFactory, TimeProvider clock)
{
    public sealed record OpenQuiz(int Id, string Title, int QuestionCount, bool AnsweredByHousehold);

    public async Task<OpenQuiz?> FindAsync(int householdId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Quiz>().AsNoTracking()
            .Where(quiz => quiz.OpensOn <= today && (quiz.ClosesOn == null || quiz.ClosesOn >= today) && quiz.Questions.Count > 0)
            .OrderByDescending(quiz => quiz.OpensOn).ThenByDescending(quiz => quiz.Id)
            .Select(quiz => new OpenQuiz(
                quiz.Id,
                quiz.Title,
                quiz.Questions.Count,
                db.Set<QuizAttempt>().Any(attempt => attempt.QuizId == quiz.Id && attempt.HouseholdId == householdId)))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>“答题”, “问卷”: starts today's quiz for a bound household that has not answered it.</summary>
public sealed class QuizIntent(CurrentBindingQuery binding, FindOpenQuizQuery openQuiz) : IAssistantIntent
{
    public static readonly string[] Triggers = ["答题", "问卷", "知识问答", "有奖问答"];

    public const string NotBoundText = "答题前要先绑定身份，这样才算您家答的。发“绑定”，核对姓名和身份证号就行。";
    public const string NoQuizText = "现在没有正在进行的政策问卷。有政策问题可以直接问我。";

    public async Task<bool> TryStartAsync(DialogContext dialogContext, string text, CancellationToken cancellationToken)
    {
        if (!IntentText.ContainsAny(IntentText.Compact(text), Triggers))
        {
            return false;
        }

        var turnContext = dialogContext.Context;
        if (await binding.FindAsync(turnContext, cancellationToken) is not { } bound)
        {
            await turnContext.SendTextAsync(NotBoundText, cancellationToken, kind: ReplyKind.Binding);
            return true;
        }

        switch (await openQuiz.FindAsync(bound.HouseholdId, cancellationToken))
        {
            case null:
                await turnContext.SendTextAsync(NoQuizText, cancellationToken, kind: ReplyKind.Dialog);
                break;
            case { AnsweredByHousehold: true } answered:
                await turnContext.SendTextAsync($"您家已经答过《{answered.Title}》了，每户只算第一次作答。谢谢参与！", cancellationToken, kind: ReplyKind.Dialog);
                break;
            case { } quiz:
                await dialogContext.BeginDialogAsync(QuizDialog.DialogId, new QuizProgress { QuizId = quiz.Id }, cancellationToken);
                break;
        }

        return true;
    }
}

/// <summary>
/// One line under an answer to a bound household that has not answered today's quiz, offered once per quiz
/// and user so it never nags.
/// </summary>
public sealed class QuizOffer(UserState userState, FindOpenQuizQuery openQuiz) : IAnswerOffer
{
    private readonly IStatePropertyAccessor<List<int>> _offered = userState.CreateProperty<List<int>>("awareness.offered");

    public async Task<string?> FindAsync(ITurnContext turnContext, BoundMember bound, CancellationToken cancellationToken)
    {
        if (await openQuiz.FindAsync(bound.HouseholdId, cancellationToken) is not { AnsweredByHousehold: false } quiz)
        {
            return null;
        }

        var offered = await _offered.GetAsync(turnContext, () => [], cancellationToken);
        if (offered.Contains(quiz.Id))
        {
            return null;
        }

        offered.Add(quiz.Id);
        await _offered.SetAsync(turnContext, offered, cancellationToken);
        return $"政策小问卷《{quiz.Title}》开始了，{quiz.QuestionCount}道题，回复数字就能答。参加请回复：答题";
    }
}
