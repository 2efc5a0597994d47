using PolicyAssistant.Domain.Text;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Knowledge.Answers;

/// <summary>
/// Picks the entry that answers a household's question, and says how sure it is. Pure: it only
/// reads the in-memory index, so it can run on every message.
/// </summary>
/// <remarks>
/// Confidence is the share of the question's meaning the best entry covers. Each question term
/// weighs its rarity (IDF) and counts fully when the entry has it in its title, questions, tags or
/// summary, half when only in the full text. Terms the knowledge base never uses weigh half the
/// rarest term (often colloquial filler, but also the real subject of an off-topic question: 养老金,
/// 贷款), and single characters weigh half (发, 块, 讲 match everywhere). An entry that matches no
/// word of two or more characters in its key fields gets half the confidence, and the result is
/// discounted when the runner-up scores almost as well, since near-equal entries mean ambiguity.
/// Measured on AnswerQuality/questions.tsv: every off-topic question stays below 0.3, and 80% of the
/// right answers reach 0.5.
/// </remarks>
public sealed class AnswerSelector(KnowledgeIndex index, AnswerOptions options)
{
    private const int MinimumSearchDepth = 2;
    private const double BodyMatchCredit = 0.5;
    private const double UnknownTermWeight = 0.5;
    private const double SingleCharacterWeight = 0.5;
    private const double WeakMatchFactor = 0.5;
    private const double MarginShare = 0.2;

    private readonly OtherPlaces otherPlaces = new(options.HomePlaces);

    public Answer Select(string question, AnswerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folded = TextFolding.Fold(question ?? "");
        if (!folded.Any(char.IsLetterOrDigit))
        {
            return Answer.Empty;
        }

        var result = index.Search(folded, new KnowledgeSearchFilter(context.RegionCode, context.Today), Math.Max(options.CandidateCount, MinimumSearchDepth));
        if (result.Terms.Count == 0)
        {
            return Answer.Empty;
        }

        if (otherPlaces.FindIn(folded) is not null || !result.Terms.Any(t => t.InKeyFields) || result.Hits.Count == 0)
        {
            return Answer.OutOfScope;
        }

        var hits = result.Hits;
        var maxIdf = result.Terms.Max(t => t.Idf);
        var candidates = hits
            .Take(Math.Max(options.CandidateCount, 1))
            .Select((hit, i) => new AnswerCandidate(hit.Entry, Confidence(result.Terms, hit, i + 1 < hits.Count ? hits[i + 1].Score : 0, maxIdf)))
            .ToList();
        var best = candidates[0];
        var kind = best.Confidence >= options.ConfidentThreshold ? AnswerKind.Confident : AnswerKind.Uncertain;
        return new Answer(kind, best.Entry, best.Confidence, candidates.Take(options.CandidateCount).ToList());
    }

    private static double Confidence(IReadOnlyList<QueryTerm> terms, KnowledgeHit hit, float nextScore, double maxIdf)
    {
        var strong = hit.MatchedInKeyFields.Any(t => t.Length > 1);
        var margin = hit.Score <= 0 ? 0 : 1 - nextScore / hit.Score;
        var confidence = Coverage(terms, hit, maxIdf) * (strong ? 1 : WeakMatchFactor) * (1 - MarginShare + MarginShare * margin);
        return Math.Clamp(confidence, 0, 1);
    }

    private static double Coverage(IReadOnlyList<QueryTerm> terms, KnowledgeHit hit, double maxIdf)
    {
        double total = 0, covered = 0;
        foreach (var term in terms)
        {
            var weight = (term.DocumentFrequency == 0 ? UnknownTermWeight * maxIdf : term.Idf) * (term.Text.Length == 1 ? SingleCharacterWeight : 1);
            total += weight;
            if (hit.MatchedInKeyFields.Contains(term.Text))
            {
                covered += weight;
            }
            else if (hit.MatchedInBody.Contains(term.Text))
            {
                covered += BodyMatchCredit * weight;
            }
        }

        return total <= 0 ? 0 : covered / total;
    }
}
