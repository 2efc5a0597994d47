using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Domain.Text;
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
    private const int MaxCachedFilters = 1000;

    // Past this many distinct questions (a flood of nonsense) the kept results start over rather than grow.
    private const int MaxRecentResults = 10_000;
    private const int UnfilteredOversampling = 4;

    // Weights measured on AnswerQuality/questions.tsv. Character pairs weigh as much as two words
    // because households' wording rarely segments like the entries' (raising it from 0.3 to 2
    // took top-1 accuracy from 91.6% to 94.7%; beyond 3 it falls again).
    private const float BigramWeight = 2f;
    private const float TieBreaker = 0.1f;

    private static readonly (string Field, float Boost)[] TermFields =
    [
        (KnowledgeFields.Questions, 4f),
        (KnowledgeFields.Title, 3f),
        (KnowledgeFields.Tags, 2.5f),
        (KnowledgeFields.Summary, 1.5f),
        (KnowledgeFields.Body, 0.6f),
    ];



    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeLock = new();
    private readonly StartingOverCache<KnowledgeSearchFilter, Filter?> _filters = new(MaxCachedFilters);

    private readonly ConditionalWeakTable<IndexReader, KnowledgeReaderCache> _readerCaches = new();
    private volatile KnowledgeAnalyzers _analyzers;
    private volatile HomophoneRepair _repair = new([], "");
    private volatile ImmutableDictionary<string, KnowledgeEntry> _entries = ImmutableDictionary<string, KnowledgeEntry>.Empty;

    // Each entry's passages with their analysed terms, made when the entry is indexed so that choosing the passage
    // that answers a question is a few set lookups per hit, not an analysis.
    private volatile ImmutableDictionary<string, IReadOnlyList<IndexedPassage>> _passages = ImmutableDictionary<string, IReadOnlyList<IndexedPassage>>.Empty;

    /// <summary>
    /// Results of recent searches against the published state of the index. Households ask the same few dozen
    /// questions all day (more so in a publicity month), and analysing and searching a question is the dearest
    /// part of answering it. Results are read-only, so they are shared; Publish replaces the whole cache.
    /// </summary>
    private volatile StartingOverCache<RecentQuestion, KnowledgeSearchResult> _recentResults = new(MaxRecentResults);

    private long _generation;

    /// <param name="vocabulary">Domain words and synonyms for the analysis.</param>
    /// <param name="directoryPath">A folder for the index files; null keeps the index in memory. The
    /// folder is a cache: it is cleared on open, and <see cref="Rebuild"/> fills it.</param>
    public KnowledgeIndex(KnowledgeVocabulary vocabulary, string? directoryPath = null)
    {
        _analyzers = new KnowledgeAnalyzers(vocabulary);
        _directory = directoryPath is null ? new RAMDirectory() : MMapDirectory.Open(directoryPath);
        var config = new IndexWriterConfig(LuceneSettings.Version, _analyzers.Index)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new SimilaritySearcherFactory());
    }

    // BM25 with a weak length norm: an entry with many listed questions should not lose to one
    // with few only because its questions field is longer.
    private static Similarity Similarity { get; } = new BM25Similarity(k1: 1.2f, b: 0.3f);

    public int Count => _entries.Count;

    /// <summary>Vocabulary lines the analysis had to skip, for the back office to show.</summary>
    public IReadOnlyList<VocabularyError> VocabularyErrors => _analyzers.Errors;

    public KnowledgeEntry? Find(string id) => _entries.GetValueOrDefault(id);

    public IReadOnlyCollection<KnowledgeEntry> Entries => _entries.Values.ToList();

    /// <summary>The entry's passages (summary, paragraphs, list items) with their terms; empty for an unknown id.</summary>
    public IReadOnlyList<IndexedPassage> PassagesOf(string id) => _passages.GetValueOrDefault(id) ?? [];

    /// <summary>Replaces the whole index; with a vocabulary, also the analysis (after the back office edited the words).</summary>
    public void Rebuild(IEnumerable<KnowledgeEntry> newEntries, KnowledgeVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(newEntries);
        lock (_writeLock)
        {
            var next = vocabulary is null ? _analyzers : new KnowledgeAnalyzers(vocabulary);
            var map = ImmutableDictionary.CreateBuilder<string, KnowledgeEntry>(StringComparer.Ordinal);
            foreach (var entry in newEntries)
            {
                map[entry.Id] = entry;
            }

            _writer.DeleteAll();
            var analysed = new ConcurrentDictionary<string, IReadOnlyList<IndexedPassage>>(StringComparer.Ordinal);
            // Segmentation is most of the cost, and IndexWriter takes documents from several
            // threads at once, so a rebuild uses every core.
            Parallel.ForEach(map.Values, entry =>
            {
                _writer.AddDocument(KnowledgeDocuments.ToDocument(entry), next.Index);
                analysed[entry.Id] = KnowledgeDocuments.AnalysePassages(entry, next);
            });
            // Parallel adds leave a segment per thread flush; one segment halves search time
            // (every term is looked up once instead of once per segment).
            _writer.ForceMerge(1);
            _passages = analysed.ToImmutableDictionary(StringComparer.Ordinal);
            Publish(map.ToImmutable(), next);
        }
    }

    /// <summary>Adds the entry, or replaces the one with its id.</summary>
    public void Upsert(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_writeLock)
        {
            _writer.UpdateDocument(new Term(KnowledgeFields.Id, entry.Id), KnowledgeDocuments.ToDocument(entry), _analyzers.Index);
            _passages = _passages.SetItem(entry.Id, KnowledgeDocuments.AnalysePassages(entry, _analyzers));
            Publish(_entries.SetItem(entry.Id, entry), _analyzers);
        }
    }

    /// <returns>False when no entry had that id.</returns>
    public bool Remove(string id)
    {
        lock (_writeLock)
        {
            if (!_entries.ContainsKey(id))
            {
                return false;
            }

            _writer.DeleteDocuments(new Term(KnowledgeFields.Id, id));
            _passages = _passages.Remove(id);
            Publish(_entries.Remove(id), _analyzers);
            return true;
        }
    }

    /// <summary>
    /// Counts publishes: what was computed from the index while this stayed the same may be kept and reused.
    /// It moves after the new state is in place, so a reader that saw the old number may hold a newer result, never an older one.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The terms a question is searched with, after folding, segmentation, stop words and synonyms.</summary>
    public IReadOnlyList<string> Analyze(string question) => _analyzers.Policy.Terms(Truncate(question));

    /// <param name="question">The question after <see cref="PolicyAssistant.Domain.Text.TextFolding.Fold(string)"/>.</param>
    /// <param name="filter">The household's region and day.</param>
    /// <param name="maxHits">Entries wanted.</param>
    public KnowledgeSearchResult Search(string question, KnowledgeSearchFilter filter, int maxHits = 10)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(filter);
        // Read before the analysis, entries and reader: Publish replaces it last, so a result kept in
        // it was computed from that state or a newer one, never an older one.
        return _recentResults.GetOrAdd(
            new RecentQuestion(Truncate(question), filter, maxHits),
            static (asked, index) => index.SearchUncached(asked.Text, asked.Filter, asked.MaxHits),
            this);
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzers.Dispose();
    }

    private KnowledgeSearchResult SearchUncached(string question, KnowledgeSearchFilter filter, int maxHits)
    {
        var current = _analyzers;
        var text = _repair.Mend(question);
        var terms = current.Policy.Terms(text).Take(MaxQueryTerms).ToList();
        var bigrams = current.Bigram.Terms(text).Take(MaxQueryTerms).ToList();
        if (terms.Count == 0 && bigrams.Count == 0)
        {
            return KnowledgeSearchResult.Nothing;
        }

        var searcher = _searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var cache = _readerCaches.GetValue(reader, r => new KnowledgeReaderCache(r));
            var queryTerms = terms.Select(cache.Weigh).ToList();
            var known = _entries;
            var pairs = PairsQuery(cache, bigrams);
            var found = Top(searcher, cache, BuildQuery(cache, terms, pairs), filter, Math.Max(1, maxHits), known);
            var matches = cache.Matches(found.Select(f => f.Doc.Doc).ToArray(), terms);
            var hits = new List<KnowledgeHit>(found.Count);
            for (var i = 0; i < found.Count; i++)
            {
                // A hit whose entry was removed between the search and this read is skipped.
                if (known.TryGetValue(found[i].Id, out var entry))
                {
                    hits.Add(new KnowledgeHit(entry, found[i].Doc.Score, matches[i].InKey, matches[i].InBody));
                }
            }

            var pairsFirst = pairs is null ? null : Top(searcher, cache, pairs, filter, 1, known).Select(f => f.Id).FirstOrDefault();
            return new KnowledgeSearchResult(queryTerms, hits) { PairsFirstId = pairsFirst };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static string Truncate(string question) =>
        question.Length <= MaxQuestionLength ? question
        : char.IsHighSurrogate(question[MaxQuestionLength - 1]) ? question[..(MaxQuestionLength - 1)]
        : question[..MaxQuestionLength];

    // Old analyzers are left to the garbage collector, not disposed: a search may still be using them.
    private void Publish(ImmutableDictionary<string, KnowledgeEntry> map, KnowledgeAnalyzers next)
    {
        _searchers.MaybeRefreshBlocking();
        _entries = map;
        _analyzers = next;
        _repair = new HomophoneRepair(next.Vocabulary.CompoundWords, string.Join('\n', map.Values.Select(WrittenText)));
        _recentResults = new StartingOverCache<RecentQuestion, KnowledgeSearchResult>(MaxRecentResults);
        Interlocked.Increment(ref _generation);
    }

    private static BooleanQuery? PairsQuery(KnowledgeReaderCache cache, IReadOnlyList<string> bigrams)
    {
        if (bigrams.Count == 0)
        {
            return null;
        }

        var pairs = new BooleanQuery(disableCoord: true);
        foreach (var bigram in bigrams)
        {
            pairs.Add(cache.TermQuery(KnowledgeFields.Bigrams, bigram), Occur.SHOULD);
        }

        return pairs;
    }

    private static string WrittenText(KnowledgeEntry entry) =>
        TextFolding.Fold(string.Join('\n', [entry.Title, .. entry.Questions, .. entry.Tags, entry.Summary, entry.Body]));

    private static Query BuildQuery(KnowledgeReaderCache cache, IReadOnlyList<string> terms, BooleanQuery? pairs)
    {
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            // The best field counts, with a little for the others: a term in both title and
            // questions is not twice the evidence.
            var best = new DisjunctionMaxQuery(tieBreakerMultiplier: TieBreaker);
            foreach (var (field, boost) in TermFields)
            {
                best.Add(cache.TermQuery(field, term, boost));
            }

            query.Add(best, Occur.SHOULD);
        }

        if (pairs is not null)
        {
            // Boosted in a wrapper: the same pairs query stands alone as the second opinion.
            var boosted = new BooleanQuery(disableCoord: true) { Boost = BigramWeight };
            boosted.Add(pairs, Occur.SHOULD);
            query.Add(boosted, Occur.SHOULD);
        }

        return query;
    }

    // The same region and day come back all day long; a caching filter keeps its bit set per
    // segment, so it stays right when segments are added or changed.
    private Filter? CachedFilter(KnowledgeSearchFilter filter) =>
        _filters.GetOrAdd(filter, static f => KnowledgeDocuments.BuildFilter(f) is { } built ? new CachingWrapperFilter(built) : null);

    private readonly record struct RecentQuestion(string Text, KnowledgeSearchFilter Filter, int MaxHits);

    // Most entries apply everywhere and are in force, so the region and date filter rarely removes
    // a hit. Searching without it keeps Lucene on its fastest path (a filter forces doc-at-a-time
    // scoring); the few extra hits are checked in memory, and only when too few pass is the
    // filtered search run.
    private List<(ScoreDoc Doc, string Id)> Top(IndexSearcher searcher, KnowledgeReaderCache cache, Query query, KnowledgeSearchFilter filter, int wanted, ImmutableDictionary<string, KnowledgeEntry> known)
    {
        var unfiltered = filter == KnowledgeSearchFilter.None;
        var loose = Collect(searcher, query, filter: null, (unfiltered ? wanted : wanted * UnfilteredOversampling) + TieMargin);
        var ids = cache.EntryIds;
        var kept = WithIds(ids, loose.ScoreDocs)
            .Where(hit => unfiltered || known.TryGetValue(hit.Id, out var entry) && KnowledgeDocuments.Passes(entry, filter))
            .Take(wanted)
            .ToList();
        if (unfiltered || kept.Count == wanted || loose.TotalHits <= loose.ScoreDocs.Length)
        {
            return kept;
        }

        return WithIds(ids, Collect(searcher, query, CachedFilter(filter), wanted + TieMargin).ScoreDocs).Take(wanted).ToList();
    }

    // Equal scores go in entry id order. Lucene breaks ties by document number, and a rebuild adds documents from
    // several threads, so without this two rebuilds of the same entries could rank a tie either way.
    private const int TieMargin = 8;

    // Lucene's fastest scorer for a disjunction takes hits out of document order, but it allocates a
    // table of 2,048 buckets per segment on every search. On a county's few hundred entries that table
    // is most of the garbage a search makes and the scoring it speeds up is tiny, so small indexes are
    // scored in order; large ones (measured at 10,000 entries: p99 3.7 ms against 7.5 ms in order)
    // keep the bucket table.
    private const int OutOfOrderScoringFrom = 2048;

    private static TopDocs Collect(IndexSearcher searcher, Query query, Filter? filter, int wanted)
    {
        var collector = TopScoreDocCollector.Create(wanted, docsScoredInOrder: searcher.IndexReader.MaxDoc < OutOfOrderScoringFrom);
        searcher.Search(query, filter, collector);
        return collector.GetTopDocs();
    }

    private static IEnumerable<(ScoreDoc Doc, string Id)> WithIds(string[] ids, ScoreDoc[] scoreDocs) =>
        scoreDocs.Select(scoreDoc => (Doc: scoreDoc, Id: ids[scoreDoc.Doc])).OrderByDescending(hit => hit.Doc.Score).ThenBy(hit => hit.Id, StringComparer.Ordinal);

    private sealed class SimilaritySearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
