using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Domain.Text;
using PolicyAssistant.Knowledge.Answers;

namespace PolicyAssistant.Application.KnowledgeBase;

/// <param name="Evidence">The ranking the answer was chosen from: entries best first, their passages and scores; null when the question has no searchable term.</param>
public sealed record KnowledgeHitTest(Answer Answer, FaqReply Reply, AnswerEvidence? Evidence);

/// <summary>
/// The back office's hit test: how the bot ranks the entries for a question and what it would reply, through the
/// bot's own selection (<see cref="AnswerSelector"/>) and wording (<see cref="FaqResponder.Preview"/>). Nothing is
/// sent, counted or queued.
/// </summary>
public sealed class TestKnowledgeQuestionQuery(AnswerSelector selector, FaqResponder faq)
{
    public KnowledgeHitTest Test(string question, string? regionCode)
    {
        var (answer, reply) = faq.Preview(question, regionCode);
        var evidence = selector.Weigh(TextFolding.Fold(question).Trim(), faq.Context(regionCode));
        return new KnowledgeHitTest(answer, reply, evidence);
    }
}
