using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Knowledge.Search;

/// <summary>Which entries a household may be given: those of its region and in force on a day.</summary>
/// <param name="RegionCode">The household's county (or a township or village code below it); null for any.</param>
/// <param name="Today">Keep only entries in force on this day; null for any.</param>
public sealed record KnowledgeSearchFilter(string? RegionCode = null, DateOnly? Today = null)
{
    public static KnowledgeSearchFilter None { get; } = new();
}

/// <summary>A term of the question after analysis, weighted by how rare it is in the knowledge base.</summary>
/// <param name="Idf">Inverse document frequency; zero-frequency terms get the highest value.</param>
/// <param name="DocumentFrequency">Entries holding the term in any field; 0 means the knowledge base never uses it.</param>
/// <param name="InKeyFields">True when some entry has the term in its title, questions, tags or summary.</param>
public sealed record QueryTerm(string Text, double Idf, int DocumentFrequency, bool InKeyFields);

/// <summary>One entry found, with the question terms it holds.</summary>
/// <param name="MatchedInKeyFields">Question terms found in the title, questions, tags or summary.</param>
/// <param name="MatchedInBody">Question terms found only in the full text.</param>
public sealed record KnowledgeHit(
    KnowledgeEntry Entry,
    float Score,
    IReadOnlySet<string> MatchedInKeyFields,
    IReadOnlySet<string> MatchedInBody);

public sealed record KnowledgeSearchResult(IReadOnlyList<QueryTerm> Terms, IReadOnlyList<KnowledgeHit> Hits)
{
    /// <summary>
    /// The entry the question's character pairs alone put first (BM25 over the key fields' pairs, no words, no
    /// weights): a second opinion that fails differently from the full ranking, so agreeing with it is evidence.
    /// </summary>
    public string? PairsFirstId { get; init; }

    public static KnowledgeSearchResult Nothing { get; } = new([], []);
}

/// <summary>A passage of an entry with the terms its text and its list's lead analyse to.</summary>
public sealed record IndexedPassage(Passage Passage, IReadOnlySet<string> Terms, IReadOnlySet<string> LeadTerms);
