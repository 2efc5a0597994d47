using PolicyAssistant.Knowledge.Normalization;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Knowledge.Answers;

/// <summary>
/// Picks the entry that answers a household's question, and says how sure it is. Pure: it only
/// reads the in-memory index, so it can run on every message.
/// </summary>
/// <remarks>
/// Confidence is the share of the question's meaning the best entry covers: each question term
/// weighs its rarity (IDF) and counts fully when the entry has it in its title, questions, tags or
/// summary, half when only in the full text. Terms the knowledge base never uses weigh less (they
/// are often colloquial filler, 掏, 俺娘) but still count against. The share is then discounted when
/// the runner-up scores almost as well, since two near-equal entries mean the question is ambiguous.
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

        var maxIdf = result.Terms.Max(t => t.Idf);
        var ranked = result.Hits
            .Select(hit => (Hit: hit, Coverage: Coverage(result.Terms, hit, maxIdf)))
            .ToList();
        var best = ranked[0];
        var weak = !best.Hit.MatchedInKeyFields.Any(t => t.Length > 1);
        var runnerUp = ranked.Count > 1 ? ranked[1].Hit.Score : 0f;
        var margin = best.Hit.Score <= 0 ? 0 : 1 - runnerUp / best.Hit.Score;
        var confidence = Math.Clamp(best.Coverage * (weak ? WeakMatchFactor : 1) * (1 - MarginShare + MarginShare * margin), 0, 1);

        var candidates = ranked
            .Take(Math.Max(options.CandidateCount, 0))
            .Select((r, i) => new AnswerCandidate(r.Hit.Entry, i == 0 ? confidence : Math.Clamp(r.Coverage * (1 - MarginShare), 0, 1)))
            .ToList();
        var kind = confidence >= options.ConfidentThreshold ? AnswerKind.Confident : AnswerKind.Uncertain;
        return new Answer(kind, best.Hit.Entry, confidence, candidates);
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
