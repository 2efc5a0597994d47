using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Knowledge.Answers;

public enum AnswerKind
{
    /// <summary>The entry answers the question: send it.</summary>
    Confident,

    /// <summary>One of the two best entries surely answers, but not surely the first: send both, each with its passage.</summary>
    EitherOfTwo,

    /// <summary>Something related was found but not surely the answer: offer the candidates.</summary>
    Uncertain,

    /// <summary>Another place's policy, or nothing of health policy at all (weather, jokes).</summary>
    OutOfScope,

    /// <summary>Nothing meaningful was typed: blanks, punctuation, emoji, only function words.</summary>
    Empty,
}

/// <summary>An entry offered in a "您是不是想问" menu.</summary>
public sealed record AnswerCandidate(KnowledgeEntry Entry, double Confidence)
{
    public string Id => Entry.Id;

    public string Title => Entry.Title;
}

/// <summary>An entry answered beside the best one, with the passage of it that answers best.</summary>
public sealed record AnsweredEntry(KnowledgeEntry Entry, Passage? Passage);

/// <param name="Entry">The best entry: the answer when Confident, the first of two when EitherOfTwo, the best guess when Uncertain, else null.</param>
/// <param name="Confidence">
/// The probability that <see cref="Entry"/> answers the question (compared with <see cref="AnswerOptions.ConfidentThreshold"/>);
/// for EitherOfTwo, that it or <see cref="Second"/> does (compared with <see cref="AnswerOptions.EitherOfTwoThreshold"/>).
/// </param>
/// <param name="Candidates">Up to <see cref="AnswerOptions.CandidateCount"/> entries, best first.</param>
public sealed record Answer(AnswerKind Kind, KnowledgeEntry? Entry, double Confidence, IReadOnlyList<AnswerCandidate> Candidates)
{
    public static Answer Empty { get; } = new(AnswerKind.Empty, null, 0, []);

    public static Answer OutOfScope { get; } = new(AnswerKind.OutOfScope, null, 0, []);

    /// <summary>The passage of <see cref="Entry"/> that holds most of the question; null when none was weighed.</summary>
    public Passage? Passage { get; init; }

    /// <summary>The second entry answered with the first (EitherOfTwo only).</summary>
    public AnsweredEntry? Second { get; init; }

    /// <summary>The question's search terms, so the reply can tell which words of a passage were asked about.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
}

/// <param name="RegionCode">The household's county (or a code below it); null when unknown.</param>
/// <param name="Today">Only entries in force on this day are answered.</param>
public sealed record AnswerContext(string? RegionCode, DateOnly Today);
