using System.Runtime.CompilerServices;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Domain.Text;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Knowledge.Answers;

/// <summary>An entry found for a question, with the passage of it that answers best and how well each covers the question.</summary>
/// <param name="Coverage">Share of the question's weight the entry holds: fully in its title, questions, tags or summary, half in its full text.</param>
/// <param name="PassageCoverage">Share of the question's weight the best passage holds (a list item with its list's lead).</param>
/// <param name="Closeness">How close the question comes to one the entry was written for (its questions and title; Dice over character pairs).</param>
/// <param name="FromElsewhere">The entry is one region's (its <c>regions</c>), the asker's region is unknown and the question names none of that region's places.</param>
/// <param name="Rank">The ranking score: the search score relative to the best hit, plus both coverages and the closeness to the entry's questions, less a penalty for an entry from elsewhere.</param>
public sealed record RankedEntry(KnowledgeHit Hit, IndexedPassage? Passage, double Coverage, double PassageCoverage, double Closeness, bool FromElsewhere, double Rank);

/// <summary>What the ranking says about a question: its entries best first and the features confidence is computed from.</summary>
/// <param name="Features">
/// Of the best entry: coverage, passage coverage, margin over the runner-up (1 − its rank ÷ the best's; under a policy
/// entry the next policy entry), a word of
/// two or more characters matched in a key field (0/1), the share of the question's weight the knowledge base
/// knows at all, 1 for a question of one term, and the share of the question's two heaviest known words the entry
/// holds anywhere (so filler around a question does not hide that its subject is answered); then 1 when the plain
/// ranking by character pairs puts the same entry first, and how close the question comes to one the entry was
/// written for (the share of character pairs they have in common, Dice) less how close it comes to another entry's;
/// then 1 when the question names a neighbouring programme or an everyday matter (<see cref="OtherProgrammes"/>);
/// last, 1 when the best entry is from elsewhere (<see cref="RankedEntry.FromElsewhere"/>).
/// </param>
/// <param name="EitherOfTwoFeatures">
/// For the probability that one of the best two entries answers: <paramref name="Features"/>, then of the second
/// entry its coverage, its passage coverage and its margin over the third, and 1 when the two share a tag (a rule
/// and one county's version of it, two sides of one policy) or a track (the 三个一批 track both belong to: the list
/// of serious illnesses and how they are treated).
/// </param>
public sealed record AnswerEvidence(IReadOnlyList<QueryTerm> Terms, IReadOnlyList<RankedEntry> Entries, IReadOnlyList<double> Features, IReadOnlyList<double> EitherOfTwoFeatures);

/// <summary>
/// Picks the entry that answers a household's question, the passage of it that holds the fact, and says how sure
/// it is. Pure: it only reads the in-memory index, so it can run on every message.
/// </summary>
/// <remarks>
/// Entries are searched with BM25 and then re-ranked with how much of the question each covers, in its key fields
/// and in its best passage, so an entry whose list holds the asked item (胃癌, 酗酒) rises over one that only
/// shares a general word, and with how close the question comes to one the entry was written for. Confidence is a probability from <see cref="ConfidenceModel"/>, fit on our own question
/// suite; it is compared with <see cref="AnswerOptions.ConfidentThreshold"/>. Below it, when the right entry is
/// nearly surely one of the best two (most misses are between siblings: the rule and a county's version of it),
/// both are answered, each with its passage (<see cref="AnswerOptions.EitherOfTwoThreshold"/>); only below that
/// the candidates are offered.
/// </remarks>
public sealed class AnswerSelector(KnowledgeIndex index, AnswerOptions options)
{
    /// <summary>Hits re-ranked: the right entry is in the first eight for nearly every question the first is wrong for.</summary>
    public const int SearchDepth = 8;

    private const double BodyMatchCredit = 0.5;
    private const double UnknownTermWeight = 0.5;
    private const double SingleCharacterWeight = 0.5;

    // Re-ranking weights against the BM25 score relative to the best hit. Coverage at 0.7 rather than 1: cross-validated
    // value on our own questions (ConfidenceCalibrationTests) 482 at 1.5 and 1, 519 at 0.7, 512 at 0.5, 508 at 0.3.
    private const double CoverageWeight = 0.7;
    private const double PassageWeight = 0.5;

    // How close the question comes to one the entry was written for (Dice), so a household's wording that matches a
    // variant's lifts that entry over a sibling sharing its words. Cross-validated value 476 without it, 499 at 0.3,
    // 509 at 0.5, 497 at 0.7, 492 at 1; blind top-1 78.1% → 79.5% at 0.5.
    private const double ClosenessWeight = 0.5;

    // A county's version of a rule (张家界's results, 鹿寨's audit) answers a question that names no place less often
    // than the general rule does. Cross-validated on our own questions: blind top-1 79.5% → 81.8% at 0.2 (with
    // the feature "best entry is from elsewhere"), value 509 → 515; 0.1 and 0.3 gain less.
    private const double ElsewherePenalty = 0.2;

    private const int MaxRecentAnswers = 10_000;

    private readonly OtherPlaces _otherPlaces = new(options.HomePlaces);

    /// <summary>
    /// Answers to recent questions for one generation of the index. The search behind an answer is cached by the
    /// index already; re-ranking its hits and their passages and computing the confidence cost as much again, and
    /// an answer depends only on the question, the context and the published index, so it is kept too.
    /// </summary>
    private volatile RecentAnswers _recent = new(-1);

    public Answer Select(string question, AnswerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folded = TextFolding.Fold(question ?? "");
        if (!folded.Any(char.IsLetterOrDigit))
        {
            return Answer.Empty;
        }

        // The generation is read before the answer is computed: a publish in between leaves the answer in a
        // cache the next question replaces.
        var generation = index.Generation;
        var answers = _recent;
        if (answers.Generation != generation)
        {
            answers = new RecentAnswers(generation);
            _recent = answers;
        }

        return answers.Cache.GetOrAdd(new AskedQuestion(folded, context), static (asked, selector) => selector.SelectUncached(asked.Folded, asked.Context), this);
    }

    private Answer SelectUncached(string folded, AnswerContext context)
    {
        var evidence = Weigh(folded, context);
        if (evidence is null)
        {
            return Answer.Empty;
        }

        if (_otherPlaces.FindIn(folded) is not null || !evidence.Terms.Any(t => t.InKeyFields) || evidence.Entries.Count == 0)
        {
            // The terms go with the refusal too: the unanswered queue groups questions by them.
            return Answer.OutOfScope with { Terms = evidence.Terms.Select(t => t.Text).ToList() };
        }

        var probability = ConfidenceModel.Shipped.Probability(evidence.Features);
        // A question staff wrote for an entry, asked as written, is that entry's whatever the ranking's margin says.
        var asWritten = evidence.Entries.Select((entry, i) => WrittenFor(entry.Hit.Entry, folded) ? i : -1).FirstOrDefault(i => i >= 0, -1);
        var entries = asWritten <= 0 ? evidence.Entries : evidence.Entries.Skip(asWritten).Take(1).Concat(evidence.Entries.Take(asWritten)).ToList();
        // Small talk (打招呼) is no choice to offer under a policy question: it is only there for sharing a particle.
        var candidates = entries
            .Where((entry, i) => i == 0 || entry.Hit.Entry.Kind == EntryKind.Policy || entries[0].Hit.Entry.Kind != EntryKind.Policy)
            .Take(Math.Max(options.CandidateCount, 1))
            .Select((entry, i) => new AnswerCandidate(entry.Hit.Entry, i == 0 ? probability : 0))
            .ToList();
        var best = entries[0];
        var answer = new Answer(AnswerKind.Uncertain, best.Hit.Entry, probability, candidates)
        {
            Passage = best.Passage?.Passage,
            Terms = evidence.Terms.Select(t => t.Text).ToList(),
        };
        if (probability >= options.ConfidentThreshold || asWritten >= 0)
        {
            return answer with { Kind = AnswerKind.Confident };
        }

        var eitherOfTwo = ConfidenceModel.ShippedEitherOfTwo.Probability(evidence.EitherOfTwoFeatures);
        return eitherOfTwo >= options.EitherOfTwoThreshold && entries.Count > 1
            && best.Hit.Entry.Kind == EntryKind.Policy && entries[1].Hit.Entry.Kind == EntryKind.Policy
            ? answer with { Kind = AnswerKind.EitherOfTwo, Confidence = eitherOfTwo, Second = new AnsweredEntry(entries[1].Hit.Entry, entries[1].Passage?.Passage) }
            : answer;
    }

    /// <summary>The ranking and its features, or null when the question has no searchable term.</summary>
    /// <param name="foldedQuestion">The question after <see cref="TextFolding.Fold(string)"/>.</param>
    public AnswerEvidence? Weigh(string foldedQuestion, AnswerContext context)
    {
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        ArgumentNullException.ThrowIfNull(context);
        var result = index.Search(foldedQuestion, new KnowledgeSearchFilter(context.RegionCode, context.Today), Math.Max(options.CandidateCount, SearchDepth));
        if (result.Terms.Count == 0)
        {
            return null;
        }

        var terms = result.Terms;
        var maxIdf = terms.Max(t => t.Idf);
        var weights = terms.Select(t => Weight(t, maxIdf)).ToArray();
        var total = weights.Sum();
        var known = terms.Select((t, i) => t.DocumentFrequency > 0 ? weights[i] : 0).Sum();
        var otherProgramme = OtherProgrammes.Mentioned(foldedQuestion) ? 1 : 0;
        if (result.Hits.Count == 0 || total <= 0)
        {
            double[] none = [0, 0, 0, 0, total <= 0 ? 0 : known / total, terms.Count == 1 ? 1 : 0, 0, 0, 0, otherProgramme, 0];
            return new AnswerEvidence(terms, [], none, [.. none, 0, 0, 0, 0]);
        }

        var topScore = Math.Max(result.Hits[0].Score, float.Epsilon);
        var asked = CharacterPairs.Of(foldedQuestion);
        var ranked = result.Hits
            .Select(hit =>
            {
                var coverage = Coverage(terms, weights, total, hit);
                var (passage, passageCoverage) = BestPassage(terms, weights, known, hit);
                var closeness = Closeness(asked, hit.Entry);
                var fromElsewhere = context.RegionCode is null && FromElsewhere(hit.Entry, foldedQuestion);
                var rank = hit.Score / topScore + CoverageWeight * coverage + PassageWeight * passageCoverage + ClosenessWeight * closeness
                    - (fromElsewhere ? ElsewherePenalty : 0);
                return new RankedEntry(hit, passage, coverage, passageCoverage, closeness, fromElsewhere, rank);
            })
            .OrderByDescending(entry => entry.Rank)
            .ToList();
        var best = ranked[0];
        // Small talk is no rival to a policy entry (it is never offered under one): the margin is over the next policy entry.
        var runnerUp = ranked.Skip(1).FirstOrDefault(entry => best.Hit.Entry.Kind != EntryKind.Policy || entry.Hit.Entry.Kind == EntryKind.Policy);
        var margin = runnerUp is null || best.Rank <= 0 ? 1 : 1 - runnerUp.Rank / best.Rank;
        var strong = best.Hit.MatchedInKeyFields.Any(t => t.Length > 1) ? 1 : 0;
        var agreed = best.Hit.Entry.Id == result.PairsFirstId ? 1 : 0;
        var closestOther = ranked.Skip(1).Select(entry => entry.Closeness).DefaultIfEmpty(0).Max();
        double[] features = [best.Coverage, best.PassageCoverage, margin, strong, known / total, terms.Count == 1 ? 1 : 0, Subject(terms, weights, best.Hit), agreed, best.Closeness - closestOther, otherProgramme, best.FromElsewhere ? 1 : 0];
        return new AnswerEvidence(terms, ranked, features, [.. features, .. SecondFeatures(ranked)]);
    }

    private static double[] SecondFeatures(List<RankedEntry> ranked)
    {
        if (ranked.Count < 2)
        {
            return [0, 0, 0, 0];
        }

        var second = ranked[1];
        var margin = ranked.Count < 3 || second.Rank <= 0 ? 1 : 1 - ranked[2].Rank / second.Rank;
        var first = ranked[0].Hit.Entry;
        var siblings = first.Tags.Intersect(second.Hit.Entry.Tags, StringComparer.Ordinal).Any() || (first.Track is not null && first.Track == second.Hit.Entry.Track) ? 1 : 0;
        return [second.Coverage, second.PassageCoverage, margin, siblings];
    }

    private bool FromElsewhere(KnowledgeEntry entry, string foldedQuestion) =>
        !entry.AppliesEverywhere()
        && !entry.Regions.Any(r => options.PlaceNames.TryGetValue(r, out var names) && names.Any(name => foldedQuestion.Contains(name, StringComparison.Ordinal)));

    private const int SubjectWords = 2;

    /// <summary>
    /// An entry's questions and title, folded once per entry (an edit is a new entry): as their letters, which
    /// <see cref="WrittenFor"/> compares, and as character pairs, which <see cref="Closeness"/> compares.
    /// </summary>
    private sealed record WrittenQuestions(HashSet<string> Letters, List<HashSet<string>> Pairs);

    private static readonly ConditionalWeakTable<KnowledgeEntry, WrittenQuestions> Written = new();

    private static WrittenQuestions WrittenIn(KnowledgeEntry entry) => Written.GetValue(entry, static e =>
    {
        var letters = e.Questions.Append(e.Title).Select(written => CharacterPairs.Letters(TextFolding.Fold(written))).ToList();
        return new WrittenQuestions(letters.ToHashSet(StringComparer.Ordinal), letters.Select(CharacterPairs.OfLetters).ToList());
    });

    private static bool WrittenFor(KnowledgeEntry entry, string foldedQuestion)
    {
        var asked = CharacterPairs.Letters(foldedQuestion);
        return asked.Length > 0 && WrittenIn(entry).Letters.Contains(asked);
    }

    // 1 for a question asked as written, 0 for one sharing no pair with any.
    private static double Closeness(HashSet<string> asked, KnowledgeEntry entry) =>
        asked.Count == 0 ? 0 : WrittenIn(entry).Pairs.Select(pairs => CharacterPairs.Dice(pairs, asked)).DefaultIfEmpty(0).Max();

    private readonly record struct AskedQuestion(string Folded, AnswerContext Context);

    private sealed class RecentAnswers(long generation)
    {
        public long Generation { get; } = generation;

        public StartingOverCache<AskedQuestion, Answer> Cache { get; } = new(MaxRecentAnswers);
    }

    private static double Subject(IReadOnlyList<QueryTerm> terms, double[] weights, KnowledgeHit hit)
    {
        var heaviest = terms.Select((term, i) => (term, weight: weights[i]))
            .Where(t => t.term.DocumentFrequency > 0 && t.term.Text.Length > 1)
            .OrderByDescending(t => t.weight)
            .Take(SubjectWords)
            .ToList();
        return heaviest.Count == 0 ? 0
            : heaviest.Count(t => hit.MatchedInKeyFields.Contains(t.term.Text) || hit.MatchedInBody.Contains(t.term.Text)) / (double)heaviest.Count;
    }

    // Terms the knowledge base never uses weigh half the rarest term (often filler, but also the subject of an
    // off-topic question: 养老金, 贷款), and single characters weigh half (发, 块, 讲 match everywhere).
    private static double Weight(QueryTerm term, double maxIdf) =>
        (term.DocumentFrequency == 0 ? UnknownTermWeight * maxIdf : term.Idf) * (term.Text.Length == 1 ? SingleCharacterWeight : 1);

    private static double Coverage(IReadOnlyList<QueryTerm> terms, double[] weights, double total, KnowledgeHit hit)
    {
        double covered = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            if (hit.MatchedInKeyFields.Contains(terms[i].Text))
            {
                covered += weights[i];
            }
            else if (hit.MatchedInBody.Contains(terms[i].Text))
            {
                covered += BodyMatchCredit * weights[i];
            }
        }

        return covered / total;
    }

    // The passage holding most of the question's known weight; the earlier passage wins a tie, so the summary is
    // kept unless a later passage says more of what was asked.
    private (IndexedPassage? Passage, double Coverage) BestPassage(IReadOnlyList<QueryTerm> terms, double[] weights, double known, KnowledgeHit hit)
    {
        IndexedPassage? best = null;
        double bestCovered = -1;
        foreach (var passage in index.PassagesOf(hit.Entry.Id))
        {
            double covered = 0;
            for (var i = 0; i < terms.Count; i++)
            {
                if (passage.Terms.Contains(terms[i].Text) || passage.LeadTerms.Contains(terms[i].Text))
                {
                    covered += weights[i];
                }
            }

            if (covered > bestCovered)
            {
                (best, bestCovered) = (passage, covered);
            }
        }

        return (best, known <= 0 || best is null ? 0 : bestCovered / known);
    }
}
