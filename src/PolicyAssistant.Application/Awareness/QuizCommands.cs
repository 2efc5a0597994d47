using PolicyAssistant.Domain.Awareness;

namespace PolicyAssistant.Application.Awareness;

/// <summary>What staff write: questions with their choices (one a line) and the right choice's number.</summary>
public sealed record QuizDraft(string Title, int? CampaignId, DateOnly? OpensOn, DateOnly? ClosesOn, IReadOnlyList<QuizQuestionDraft> Questions)
{
    public List<QuizQuestion> ToQuestions() => Questions.Select((question, index) => new QuizQuestion
    {
        Position = index + 1,
        Text = question.Text.Trim(),
        Choices = question.Choices.Select(choice => choice.Trim()).Where(choice => choice.Length > 0).ToList(),
        CorrectChoice = question.CorrectChoice,
    }).ToList();
}

public sealed record QuizQuestionDraft(string Text, IReadOnlyList<string> Choices, int CorrectChoice);

public abstract record QuizEditResult
{
    public sealed record Saved(int QuizId) : QuizEditResult;

    public sealed record Invalid(IReadOnlyList<string> Problems) : QuizEditResult;

    public sealed record NotFound : QuizEditResult;
}

/// <summary>Writes, opens and closes quizzes. Questions cannot change once a household has answered: the answers would no longer match.</summary>
public sealed class EditQuizCommand(PolicyAssistantDbContext db, TimeProvider clock)
{
    public async Task<QuizEditResult> SaveAsync(int? quizId, QuizDraft draft, CancellationToken cancellationToken)
    {
        var questions = draft.ToQuestions();
        if (Quiz.Validate(draft.Title, questions, draft.OpensOn, draft.ClosesOn) is { Count: > 0 } problems)
        {
            return new QuizEditResult.Invalid(problems);
        }

        Quiz quiz;
        if (quizId is { } id)
        {
            if (await db.Set<Quiz>().Include(q => q.Questions).SingleOrDefaultAsync(q => q.Id == id, cancellationToken) is not { } found)
            {
                return new QuizEditResult.NotFound();
            }

            if (await db.Set<QuizAttempt>().AnyAsync(attempt => attempt.QuizId == id, cancellationToken))
            {
                return new QuizEditResult.Invalid(["已经有户答过这份问卷，题目不能再改；请新建一份问卷。"]);
            }

            quiz = found;
            db.RemoveRange(quiz.Questions);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            quiz = new Quiz { Title = draft.Title };
            db.Add(quiz);
        }

        quiz.Title = draft.Title.Trim();
        quiz.CampaignId = draft.CampaignId;
        quiz.OpensOn = draft.OpensOn;
        quiz.ClosesOn = draft.ClosesOn;
        quiz.Questions = questions;
        await db.SaveChangesAsync(cancellationToken);
        return new QuizEditResult.Saved(quiz.Id);
    }

    /// <summary>Opens from today (a closing day in the past is cleared) or closes as of yesterday, so today no one can start it.</summary>
    public async Task<QuizEditResult> SetOpenAsync(int quizId, bool open, CancellationToken cancellationToken)
    {
        if (await db.Set<Quiz>().SingleOrDefaultAsync(q => q.Id == quizId, cancellationToken) is not { } quiz)
        {
            return new QuizEditResult.NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (open)
        {
            quiz.OpensOn = quiz.OpensOn is { } opens && opens <= today ? opens : today;
            quiz.ClosesOn = quiz.ClosesOn is { } closes && closes >= today ? closes : null;
        }
        else
        {
            quiz.ClosesOn = today.AddDays(-1);
            if (quiz.OpensOn > quiz.ClosesOn)
            {
                quiz.OpensOn = null;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new QuizEditResult.Saved(quiz.Id);
    }
}

/// <summary>
/// Stores a household's complete attempt. Only the first counts (see <see cref="QuizAttempt"/>): a second one,
/// from another member or another channel, is refused by the unique index and reported as not stored.
/// </summary>
public sealed class RecordQuizAttemptCommand(IDbContextFactory<PolicyAssistantDbContext> dbFactory, TimeProvider clock)
{
    public async Task<bool> RecordAsync(Quiz quiz, int householdId, int memberId, IReadOnlyList<int> answers, CancellationToken cancellationToken)
    {
        var questions = quiz.Questions.OrderBy(question => question.Position).ToList();
        var correct = questions.Zip(answers).Count(pair => pair.First.CorrectChoice == pair.Second);
        var now = clock.GetLocalNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(new QuizAttempt
        {
            QuizId = quiz.Id,
            HouseholdId = householdId,
            MemberId = memberId,
            Answers = [.. answers],
            CorrectCount = correct,
            AllCorrect = correct == questions.Count,
            CompletedAt = now.UtcDateTime,
            CompletedOn = DateOnly.FromDateTime(now.DateTime),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return false;
        }
    }
}
