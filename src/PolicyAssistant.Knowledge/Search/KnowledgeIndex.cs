using System.Collections.Immutable;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PolicyAssistant.Knowledge.Search;

/// <summary>
/// The searchable knowledge base: a Lucene index of the entries, in memory or in a folder. Every
/// change is visible to the next search as soon as the call returns (near-real-time reader), and
/// searches run in parallel with changes. Questions are turned into term queries from their
/// analysed terms, never parsed as Lucene syntax, so any text a household types is safe.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    /// <summary>Questions are cut to this many characters: a longer paste is not a question.</summary>
    public const int MaxQuestionLength = 200;

    private const int MaxQueryTerms = 40;
    // Weights measured on AnswerQuality/questions.tsv. Character pairs weigh as much as two words
    // because households' wording rarely segments like the entries' (raising it from 0.3 to 2
    // took top-1 accuracy from 91.6% to 94.7%; beyond 3 it falls again).
    private const float BigramWeight = 2f;
    private const float TieBreaker = 0.1f;

    private static readonly (string Field, float Boost)[] TermFields =
    [
        (Fields.Questions, 4f),
        (Fields.Title, 3f),
        (Fields.Tags, 2.5f),
        (Fields.Summary, 1.5f),
        (Fields.Body, 0.6f),
    ];

    private static readonly string[] KeyFields = [Fields.Questions, Fields.Title, Fields.Tags, Fields.Summary];

    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly System.Threading.Lock writeLock = new();
    private volatile Analyzers analyzers;
    private volatile ImmutableDictionary<string, KnowledgeEntry> entries = ImmutableDictionary<string, KnowledgeEntry>.Empty;

    /// <param name="vocabulary">Domain words and synonyms for the analysis.</param>
    /// <param name="directoryPath">A folder for the index files; null keeps the index in memory. The
    /// folder is a cache: it is cleared on open, and <see cref="Rebuild"/> fills it.</param>
    public KnowledgeIndex(KnowledgeVocabulary vocabulary, string? directoryPath = null)
    {
        analyzers = new Analyzers(vocabulary);
        directory = directoryPath is null ? new RAMDirectory() : MMapDirectory.Open(directoryPath);
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzers.Index)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
        };
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, applyAllDeletes: true, new SimilaritySearcherFactory());
    }

    // BM25 with a weak length norm: an entry with many listed questions should not lose to one
    // with few only because its questions field is longer.
    private static Similarity Similarity { get; } = new BM25Similarity(k1: 1.2f, b: 0.3f);

    public int Count => entries.Count;

    /// <summary>Vocabulary lines the analysis had to skip, for the back office to show.</summary>
    public IReadOnlyList<VocabularyError> VocabularyErrors => analyzers.Errors;

    public KnowledgeEntry? Find(string id) => entries.GetValueOrDefault(id);

    public IReadOnlyCollection<KnowledgeEntry> Entries => entries.Values.ToList();

    /// <summary>Replaces the whole index; with a vocabulary, also the analysis (after the back office edited the words).</summary>
    public void Rebuild(IEnumerable<KnowledgeEntry> newEntries, KnowledgeVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(newEntries);
        lock (writeLock)
        {
            var next = vocabulary is null ? analyzers : new Analyzers(vocabulary);
            var map = ImmutableDictionary.CreateBuilder<string, KnowledgeEntry>(StringComparer.Ordinal);
            writer.DeleteAll();
            foreach (var entry in newEntries)
            {
                if (map.ContainsKey(entry.Id))
                {
                    writer.UpdateDocument(new Term(Fields.Id, entry.Id), ToDocument(entry), next.Index);
                }
                else
                {
                    writer.AddDocument(ToDocument(entry), next.Index);
                }

                map[entry.Id] = entry;
            }

            Publish(map.ToImmutable(), next);
        }
    }

    /// <summary>Adds the entry, or replaces the one with its id.</summary>
    public void Upsert(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (writeLock)
        {
            writer.UpdateDocument(new Term(Fields.Id, entry.Id), ToDocument(entry), analyzers.Index);
            Publish(entries.SetItem(entry.Id, entry), analyzers);
        }
    }

    /// <returns>False when no entry had that id.</returns>
    public bool Remove(string id)
    {
        lock (writeLock)
        {
            if (!entries.ContainsKey(id))
            {
                return false;
            }

            writer.DeleteDocuments(new Term(Fields.Id, id));
            Publish(entries.Remove(id), analyzers);
            return true;
        }
    }

    /// <summary>The terms a question is searched with, after folding, segmentation, stop words and synonyms.</summary>
    public IReadOnlyList<string> Analyze(string question) => analyzers.Policy.Terms(Truncate(question));

    public KnowledgeSearchResult Search(string question, KnowledgeSearchFilter filter, int maxHits = 10)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(filter);
        var current = analyzers;
        var text = Truncate(question);
        var terms = current.Policy.Terms(text).Take(MaxQueryTerms).ToList();
        var bigrams = current.Bigram.Terms(text).Take(MaxQueryTerms).ToList();
        if (terms.Count == 0 && bigrams.Count == 0)
        {
            return KnowledgeSearchResult.Nothing;
        }

        var searcher = searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var queryTerms = terms.Select(t => Weigh(reader, t)).ToList();
            var top = searcher.Search(BuildQuery(terms, bigrams), BuildFilter(filter), Math.Max(1, maxHits));
            var known = entries;
            var hits = new List<KnowledgeHit>(top.ScoreDocs.Length);
            foreach (var scoreDoc in top.ScoreDocs)
            {
                var leaf = reader.Leaves[ReaderUtil.SubIndex(scoreDoc.Doc, reader.Leaves)];
                var local = scoreDoc.Doc - leaf.DocBase;
                var id = leaf.AtomicReader.Document(local).Get(Fields.Id);
                // A hit whose entry was removed between the search and this read is skipped.
                if (id is null || !known.TryGetValue(id, out var entry))
                {
                    continue;
                }

                var inKey = terms.Where(t => KeyFields.Any(f => Holds(leaf.AtomicReader, f, t, local))).ToHashSet(StringComparer.Ordinal);
                var inBody = terms.Where(t => !inKey.Contains(t) && Holds(leaf.AtomicReader, Fields.Body, t, local)).ToHashSet(StringComparer.Ordinal);
                hits.Add(new KnowledgeHit(entry, scoreDoc.Score, inKey, inBody));
            }

            return new KnowledgeSearchResult(queryTerms, hits);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        analyzers.Dispose();
    }

    private static string Truncate(string question) =>
        question.Length <= MaxQuestionLength ? question
        : char.IsHighSurrogate(question[MaxQuestionLength - 1]) ? question[..(MaxQuestionLength - 1)]
        : question[..MaxQuestionLength];

    // Old analyzers are left to the garbage collector, not disposed: a search may still be using them.
    private void Publish(ImmutableDictionary<string, KnowledgeEntry> map, Analyzers next)
    {
        searchers.MaybeRefreshBlocking();
        entries = map;
        analyzers = next;
    }

    private static Query BuildQuery(IReadOnlyList<string> terms, IReadOnlyList<string> bigrams)
    {
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            // The best field counts, with a little for the others: a term in both title and
            // questions is not twice the evidence.
            var best = new DisjunctionMaxQuery(tieBreakerMultiplier: TieBreaker);
            foreach (var (field, boost) in TermFields)
            {
                best.Add(new TermQuery(new Term(field, term)) { Boost = boost });
            }

            query.Add(best, Occur.SHOULD);
        }

        if (bigrams.Count > 0)
        {
            var pairs = new BooleanQuery(disableCoord: true) { Boost = BigramWeight };
            foreach (var bigram in bigrams)
            {
                pairs.Add(new TermQuery(new Term(Fields.Bigrams, bigram)), Occur.SHOULD);
            }

            query.Add(pairs, Occur.SHOULD);
        }

        return query;
    }

    private static Filter? BuildFilter(KnowledgeSearchFilter filter)
    {
        if (string.IsNullOrWhiteSpace(filter.RegionCode) && filter.Today is null)
        {
            return null;
        }

        var rules = new BooleanQuery();
        if (filter.RegionCode is { } code && !string.IsNullOrWhiteSpace(code))
        {
            // An entry for a county applies to every township and village code below it.
            var region = new BooleanQuery { { new TermQuery(new Term(Fields.Region, KnowledgeEntry.AllRegions)), Occur.SHOULD } };
            var trimmed = code.Trim();
            for (var length = 1; length <= Math.Min(trimmed.Length, 20); length++)
            {
                region.Add(new TermQuery(new Term(Fields.Region, trimmed[..length])), Occur.SHOULD);
            }

            rules.Add(region, Occur.MUST);
        }

        if (filter.Today is { } today)
        {
            rules.Add(NumericRangeQuery.NewInt32Range(Fields.From, null, today.DayNumber, true, true), Occur.MUST);
            rules.Add(NumericRangeQuery.NewInt32Range(Fields.To, today.DayNumber, null, true, true), Occur.MUST);
        }

        return new QueryWrapperFilter(rules);
    }

    private static QueryTerm Weigh(IndexReader reader, string term)
    {
        var keyFrequency = KeyFields.Max(f => reader.DocFreq(new Term(f, term)));
        var frequency = Math.Max(keyFrequency, reader.DocFreq(new Term(Fields.Body, term)));
        var count = Math.Max(reader.NumDocs, 1);
        var idf = Math.Log(1 + (count - frequency + 0.5) / (frequency + 0.5));
        return new QueryTerm(term, idf, frequency, keyFrequency > 0);
    }

    private static bool Holds(AtomicReader reader, string field, string term, int doc)
    {
        var postings = reader.GetTermDocsEnum(new Term(field, term));
        return postings is not null && postings.Advance(doc) == doc;
    }

    private static Document ToDocument(KnowledgeEntry entry)
    {
        var document = new Document
        {
            new StringField(Fields.Id, entry.Id, Field.Store.YES),
            new TextField(Fields.Title, entry.Title, Field.Store.NO),
            new TextField(Fields.Summary, entry.Summary, Field.Store.NO),
            new TextField(Fields.Body, entry.Body, Field.Store.NO),
            new TextField(Fields.Bigrams, string.Join('\n', [entry.Title, .. entry.Questions, .. entry.Tags, entry.Summary]), Field.Store.NO),
            new Int32Field(Fields.From, entry.EffectiveFrom?.DayNumber ?? int.MinValue, Field.Store.NO),
            new Int32Field(Fields.To, entry.EffectiveTo?.DayNumber ?? int.MaxValue, Field.Store.NO),
        };
        foreach (var question in entry.Questions)
        {
            document.Add(new TextField(Fields.Questions, question, Field.Store.NO));
        }

        foreach (var tag in entry.Tags)
        {
            document.Add(new TextField(Fields.Tags, tag, Field.Store.NO));
        }

        foreach (var region in entry.Regions.DefaultIfEmpty(KnowledgeEntry.AllRegions))
        {
            document.Add(new StringField(Fields.Region, region.Trim().ToLowerInvariant(), Field.Store.NO));
        }

        return document;
    }

    private static class Fields
    {
        public const string Id = "id";
        public const string Title = "title";
        public const string Questions = "questions";
        public const string Tags = "tags";
        public const string Summary = "summary";
        public const string Body = "body";
        public const string Bigrams = "bigrams";
        public const string Region = "region";
        public const string From = "from";
        public const string To = "to";
    }

    /// <summary>The analysis of one vocabulary: terms for every field but the bigram one.</summary>
    private sealed class Analyzers : IDisposable
    {
        public Analyzers(KnowledgeVocabulary vocabulary)
        {
            Policy = new PolicyAnalyzer(vocabulary);
            Bigram = new BigramAnalyzer();
            Index = new PerFieldAnalyzerWrapper(Policy, new Dictionary<string, Analyzer> { [Fields.Bigrams] = Bigram });
            Errors = [.. vocabulary.Errors, .. Policy.SynonymErrors];
        }

        public PolicyAnalyzer Policy { get; }

        public BigramAnalyzer Bigram { get; }

        public Analyzer Index { get; }

        public IReadOnlyList<VocabularyError> Errors { get; }

        public void Dispose()
        {
            Index.Dispose();
            Policy.Dispose();
            Bigram.Dispose();
        }
    }

    private sealed class SimilaritySearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
