namespace PolicyAssistant.Domain.Awareness;

/// <summary>
/// 政策知晓问卷: 3–5 questions with numbered choices, open to bound households between <see cref="OpensOn"/> and
/// <see cref="ClosesOn"/>. Its answers measure the awareness rate (知晓率).
/// </summary>
public sealed class Quiz
{
    public const int MinQuestions = 3;
    public const int MaxQuestions = 5;

    public int Id { get; set; }

    public required string Title { get; set; }

    /// <summary>The campaign (政策宣传月) the quiz measures, if any. No navigation: campaigns live in their own feature.</summary>
    public int? CampaignId { get; set; }

    /// <summary>First day households may answer; null while the quiz is a draft.</summary>
    public DateOnly? OpensOn { get; set; }

    /// <summary>Last day households may answer; null for open-ended.</summary>
    public DateOnly? ClosesOn { get; set; }

    public List<QuizQuestion> Questions { get; set; } = [];

    public bool IsOpenOn(DateOnly day) => OpensOn is { } opens && opens <= day && (ClosesOn is null || day <= ClosesOn);

    /// <summary>Problems with the quiz as written, in words for staff; empty when it can be saved.</summary>
    public static IReadOnlyList<string> Validate(string title, IReadOnlyList<QuizQuestion> questions, DateOnly? opensOn, DateOnly? closesOn)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add("请填写问卷标题。");
        }

        if (questions.Count is < MinQuestions or > MaxQuestions)
        {
            problems.Add($"问卷要有{MinQuestions}到{MaxQuestions}道题，现在是{questions.Count}道。");
        }

        foreach (var (question, index) in questions.Select((question, index) => (question, index + 1)))
        {
            if (string.IsNullOrWhiteSpace(question.Text))
            {
                problems.Add($"第{index}题没有题目。");
            }

            if (question.Choices.Count is < 2 or > 9)
            {
                problems.Add($"第{index}题要有2到9个选项（每行一个）。");
            }
            else if (question.CorrectChoice < 1 || question.CorrectChoice > question.Choices.Count)
            {
                problems.Add($"第{index}题的正确答案要是1到{question.Choices.Count}之间的序号。");
            }
        }

        if (opensOn is { } opens && closesOn is { } closes && closes < opens)
        {
            problems.Add("结束日期不能早于开始日期。");
        }

        return problems;
    }
}

/// <summary>One question: its choices are answered by their number, 1 first.</summary>
public sealed class QuizQuestion
{
    public int Id { get; set; }

    public int QuizId { get; set; }

    /// <summary>1 for the first question.</summary>
    public int Position { get; set; }

    public required string Text { get; set; }

    public List<string> Choices { get; set; } = [];

    /// <summary>The number of the right choice, 1 first.</summary>
    public int CorrectChoice { get; set; }

    /// <summary>The question as the bot sends it: the text, then “1. …” a line per choice.</summary>
    public string Render(int count) =>
        string.Join('\n', [$"第{Position}题（共{count}题）：{Text}", .. Choices.Select((choice, index) => $"{index + 1}. {choice}")]);
}

/// <summary>
/// A household's complete answer to a quiz, by the bound member who answered. Only the household's first
/// complete attempt is stored: the bot shows the right answers at the end, so a second attempt would measure
/// memory of the answers, not awareness.
/// </summary>
public sealed class QuizAttempt
{
    public long Id { get; set; }

    public int QuizId { get; set; }

    public int HouseholdId { get; set; }

    public int MemberId { get; set; }

    /// <summary>The chosen numbers, question by question.</summary>
    public List<int> Answers { get; set; } = [];

    public int CorrectCount { get; set; }

    public bool AllCorrect { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CompletedAt { get; set; }

    /// <summary>The local day the attempt was completed, compared with a campaign's start.</summary>
    public DateOnly CompletedOn { get; set; }
}
