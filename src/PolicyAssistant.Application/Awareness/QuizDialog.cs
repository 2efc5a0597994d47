using PolicyAssistant.Application.Households;
using PolicyAssistant.Domain.Awareness;

namespace PolicyAssistant.Application.Awareness;

/// <summary>Where a household is in a quiz: the quiz and the numbers chosen so far.</summary>
public sealed class QuizProgress
{
    public int QuizId { get; set; }

    public List<int> Answers { get; set; } = [];
}

/// <summary>
/// 答题: one question a turn, answered by the choice's number; anything else gets a hint and the same question
/// stays. The last answer stores the household's attempt and shows the right answers of the ones missed.
/// </summary>
public sealed class QuizDialog(IDbContextFactory<PolicyAssistantDbContext> dbFactory, CurrentBindingQuery binding, RecordQuizAttemptCommand record) : Dialog(DialogId)
{
    public const string DialogId = "awareness.quiz";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options, CancellationToken cancellationToken)
    {
        var progress = options as QuizProgress ?? throw new ArgumentException("The quiz dialog starts from a QuizProgress.", nameof(options));
        dialogContext.ActiveDialog!.SetState(progress);
        if (await LoadAsync(progress.QuizId, cancellationToken) is not { } quiz)
        {
            return await dialogContext.EndDialogAsync(null, cancellationToken);
        }

        var intro = $"《{quiz.Title}》共{quiz.Questions.Count}道题，每题回复选项前的数字就行。中途不想答了，回复“取消”。";
        await dialogContext.Context.SendTextAsync(intro + "\n\n" + quiz.Questions[0].Render(quiz.Questions.Count), cancellationToken, kind: ReplyKind.Dialog);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken)
    {
        var turnContext = dialogContext.Context;
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var progress = dialogContext.ActiveDialog!.GetState<QuizProgress>();
        if (await LoadAsync(progress.QuizId, cancellationToken) is not { } quiz)
        {
            await turnContext.SendTextAsync("这份问卷已经撤下了，谢谢参与。", cancellationToken, kind: ReplyKind.Dialog);
            return await dialogContext.EndDialogAsync(null, cancellationToken);
        }

        var question = quiz.Questions[progress.Answers.Count];
        if (QuizAnswer.Read(turnContext.Activity.Text ?? string.Empty, question.Choices.Count) is not { } number)
        {
            await turnContext.SendTextAsync(Hint(question), cancellationToken, kind: ReplyKind.Dialog);
            return EndOfTurn;
        }

        progress.Answers.Add(number);
        dialogContext.ActiveDialog.SetState(progress);
        if (progress.Answers.Count < quiz.Questions.Count)
        {
            await turnContext.SendTextAsync(quiz.Questions[progress.Answers.Count].Render(quiz.Questions.Count), cancellationToken, kind: ReplyKind.Dialog);
            return EndOfTurn;
        }

        await FinishAsync(turnContext, quiz, progress.Answers, cancellationToken);
        return await dialogContext.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>What a reply that is not a choice number gets: how to answer, in one line.</summary>
    public static string Hint(QuizQuestion question) =>
        $"请回复选项前的数字（1到{question.Choices.Count}），比如“1”。不想答了，回复“取消”。";

    /// <summary>The score, then the right answer of each question missed.</summary>
    public static string Result(Quiz quiz, IReadOnlyList<int> answers)
    {
        var missed = quiz.Questions.Zip(answers).Where(pair => pair.First.CorrectChoice != pair.Second).Select(pair => pair.First).ToList();
        var score = $"答完了！{quiz.Questions.Count}道题答对{quiz.Questions.Count - missed.Count}道。";
        if (missed.Count == 0)
        {
            return score + "全部正确，您家的政策明白人当之无愧！";
        }

        var corrections = missed.Select(question => $"第{question.Position}题正确答案：{question.CorrectChoice}. {question.Choices[question.CorrectChoice - 1]}");
        return string.Join('\n', [score, .. corrections, "有不明白的政策，随时问我。"]);
    }

    private async Task FinishAsync(ITurnContext turnContext, Quiz quiz, IReadOnlyList<int> answers, CancellationToken cancellationToken)
    {
        // The binding is read again: the household answering is the one bound now, never one remembered in state.
        if (await binding.FindAsync(turnContext, cancellationToken) is not { } bound)
        {
            await turnContext.SendTextAsync("您已解除绑定，这次作答没有记下。绑定后可以再答。", cancellationToken, kind: ReplyKind.Dialog);
            return;
        }

        var stored = await record.RecordAsync(quiz, bound.HouseholdId, bound.MemberId, answers, cancellationToken);
        var text = Result(quiz, answers);
        await turnContext.SendTextAsync(stored ? text : text + "\n（您家已有人答过这份问卷，统计只算第一次作答。）", cancellationToken, kind: ReplyKind.Dialog);
    }

    private async Task<Quiz?> LoadAsync(int quizId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var quiz = await db.Set<Quiz>().AsNoTracking().Include(q => q.Questions).SingleOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        quiz?.Questions.Sort((a, b) => a.Position.CompareTo(b.Position));
        return quiz;
    }
}
